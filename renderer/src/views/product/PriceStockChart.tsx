import { useId } from 'react';
import type { HistoryPoint } from '../../../../shared/model.js';
import { formatPrice } from '../../../../shared/money.js';
import { STOCK_LABELS } from '../../../../shared/stock.js';
import { absoluteTime } from '../../lib/relativeTime.js';
import { type ChartBox, priceRange, priceStepPath, sortedHistory, stockSegments } from './chartGeometry.js';

const BOX: ChartBox = { width: 640, height: 200, left: 64, right: 628, top: 12, bottom: 160 };
const BAND = { y: 172, height: 14 };

/** Price as a step line, stock as a coloured band beneath it; a hidden table says the same for screen readers. */
export function PriceStockChart({ history, productName }: { history: HistoryPoint[]; productName: string }) {
  const titleId = useId();
  const points = sortedHistory(history);
  if (points.length === 0) return <p className="muted">No history yet: it grows with every postback for this item.</p>;
  const range = priceRange(points);
  const currency = points.findLast((point) => point.currency)?.currency;
  const first = points[0];
  const last = points.at(-1);
  const title = `Price and stock history of ${productName}: ${points.length} ${points.length === 1 ? 'point' : 'points'}${
    range ? `, price between ${formatPrice(range.min, currency)} and ${formatPrice(range.max, currency)}` : ''
  }`;
  return (
    <figure className="chart" data-testid="history-chart">
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-labelledby={titleId} className="chart-svg">
        <title id={titleId}>{title}</title>
        <line className="chart-axis" x1={BOX.left} x2={BOX.right} y1={BOX.bottom} y2={BOX.bottom} />
        {range ? (
          <>
            <text className="chart-label" x={BOX.left - 8} y={BOX.top + 10} textAnchor="end">
              {formatPrice(range.max, currency)}
            </text>
            <text className="chart-label" x={BOX.left - 8} y={BOX.bottom} textAnchor="end">
              {formatPrice(range.min, currency)}
            </text>
            <path className="chart-price" d={priceStepPath(points, BOX)} />
          </>
        ) : null}
        {stockSegments(points, BOX).map((segment, index) => (
          <rect
            // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and redrawn together
            key={index}
            className={`chart-stock tone-${segment.tone}`}
            x={segment.x}
            y={BAND.y}
            width={Math.max(segment.width, 2)}
            height={BAND.height}
          />
        ))}
        <text className="chart-label" x={BOX.left - 8} y={BAND.y + 11} textAnchor="end">
          Stock
        </text>
        {first && last && first !== last ? (
          <>
            <text className="chart-label" x={BOX.left} y={BOX.height - 1}>
              {new Date(first.at).toLocaleDateString()}
            </text>
            <text className="chart-label" x={BOX.right} y={BOX.height - 1} textAnchor="end">
              {new Date(last.at).toLocaleDateString()}
            </text>
          </>
        ) : null}
      </svg>
      <figcaption className="chart-legend">
        <span className="legend tone-in">In stock</span>
        <span className="legend tone-orderable">Back order / pre-order</span>
        <span className="legend tone-out">Out of stock</span>
        <span className="legend tone-unknown">Unknown</span>
      </figcaption>
      <table className="visually-hidden">
        <caption>Price and stock history of {productName}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Price</th>
            <th scope="col">Stock</th>
            <th scope="col">Inventory</th>
          </tr>
        </thead>
        <tbody>
          {points.map((point, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: two points may share a timestamp
            <tr key={index}>
              <td>{absoluteTime(point.at)}</td>
              <td>
                {point.currentPrice === undefined ? '—' : formatPrice(point.currentPrice, point.currency ?? currency)}
              </td>
              <td>{STOCK_LABELS[point.stockAvailability] ?? point.stockAvailability}</td>
              <td>{point.inventory ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
