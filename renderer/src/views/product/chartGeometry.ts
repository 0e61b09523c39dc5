// Pure geometry for the history chart, kept apart from the SVG so it can be reasoned about (and tested) alone.
import type { StockAvailability } from '../../../../shared/contract/enums.js';
import type { HistoryPoint } from '../../../../shared/contract/product.js';
import { isInStock } from '../../../../shared/domain/stock.js';

export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  /** the price area ends here; the stock band sits below it */
  bottom: number;
}

export type StockTone = 'in' | 'out' | 'orderable' | 'unknown';

export function stockTone(stock: StockAvailability): StockTone {
  if (isInStock(stock)) return 'in';
  if (stock === 'OutOfStock') return 'out';
  if (stock === 'BackOrder' || stock === 'PreOrder') return 'orderable';
  return 'unknown';
}

export function sortedHistory(history: HistoryPoint[]): HistoryPoint[] {
  return [...history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

export function timeScale(points: HistoryPoint[], box: ChartBox): (iso: string) => number {
  const first = Date.parse(points[0]?.at ?? '');
  const last = Date.parse(points.at(-1)?.at ?? '');
  const span = last - first;
  // A single point (or all at once) is drawn across the whole width.
  if (!(span > 0)) return () => box.left;
  return (iso) => box.left + ((Date.parse(iso) - first) / span) * (box.right - box.left);
}

export function priceRange(points: HistoryPoint[]): { min: number; max: number } | null {
  const prices = points.flatMap((point) => (typeof point.currentPrice === 'number' ? [point.currentPrice] : []));
  if (prices.length === 0) return null;
  return { min: Math.min(...prices), max: Math.max(...prices) };
}

/** Price → y: the range padded by 10% (a flat price sits mid-height rather than on an edge). */
export function priceScale(range: { min: number; max: number }, box: ChartBox): (price: number) => number {
  const pad = (range.max - range.min) * 0.1 || Math.max(range.max * 0.1, 1);
  const low = range.min - pad;
  const high = range.max + pad;
  return (price) => box.bottom - ((price - low) / (high - low)) * (box.bottom - box.top);
}

/** A step line: the price holds until the next point changes it, then runs to the right edge. */
export function priceStepPath(points: HistoryPoint[], box: ChartBox): string {
  const range = priceRange(points);
  if (!range) return '';
  const x = timeScale(points, box);
  const y = priceScale(range, box);
  let path = '';
  for (const point of points) {
    if (typeof point.currentPrice !== 'number') continue;
    const px = x(point.at).toFixed(1);
    const py = y(point.currentPrice).toFixed(1);
    path += path ? ` H ${px} V ${py}` : `M ${px} ${py}`;
  }
  return path ? `${path} H ${box.right}` : '';
}

export interface StockSegment {
  x: number;
  width: number;
  tone: StockTone;
  stock: StockAvailability;
}

export function stockSegments(points: HistoryPoint[], box: ChartBox): StockSegment[] {
  const x = timeScale(points, box);
  return points.map((point, index) => {
    const start = x(point.at);
    const next = points[index + 1];
    const end = next ? x(next.at) : box.right;
    return {
      x: start,
      width: Math.max(end - start, 0),
      tone: stockTone(point.stockAvailability),
      stock: point.stockAvailability,
    };
  });
}
