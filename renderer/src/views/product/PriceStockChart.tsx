import { useId } from 'react';
import type { HistoryPoint } from '../../../../shared/contract/product.js';
import { formatPrice } from '../../../../shared/domain/money.js';
import { STOCK_LABELS } from '../../../../shared/domain/stock.js';
import { absoluteTime } from '../../lib/relativeTime.js';
import { useNarrow } from '../../lib/useNarrow.js';
import { type ChartBox, priceRange, priceScale, priceStepPath, sortedHistory, stockSegments } from './chartGeometry.js';
import { timeAxisLabels } from './timeAxis.js';

const WIDE: ChartBox = { width: 640, height: 200, left: 64, right: 628, top: 12, bottom: 160 };
/** about the width it is drawn at in the compact layout, so its labels stay readable */
const NARROW: ChartBox = { width: 360, height: 200, left: 60, right: 352, top: 12, bottom: 160 };
const BAND = { y: 172, height: 14 };

/** Price as a step line, stock as a coloured band beneath it; a hidden table says the same for screen readers. */
export function PriceStockChart({ history, productName }: { history: HistoryPoint[]; productName: string }) {
  const titleId = useId();
  const box = useNarrow() ? NARROW : WIDE;
  const points = sortedHistory(history);
  if (points.length === 0) return <p className="muted">No history yet: it grows with every postback for this item.</p>;
  const range = priceRange(points);
  const currency = points.findLast((point) => point.currency)?.currency;
  const price = (amount: number) => formatPrice(amount, currency);
  const onePrice = range && range.min === range.max ? range.min : null;
  const onlyPoint = points.length === 1 ? points[0] : undefined;
  const axis = timeAxisLabels(points[0]?.at ?? '', points.at(-1)?.at ?? '');
  const priceWords = !range
    ? ''
    : onlyPoint
      ? `, one price so far: ${price(range.min)}`
      : onePrice !== null
        ? `, price unchanged at ${price(onePrice)}`
        : `, price between ${price(range.min)} and ${price(range.max)}`;
  const title = `Price and stock history of ${productName}: ${points.length} ${points.length === 1 ? 'point' : 'points'}${priceWords}`;
  return (
    <figure className="chart" data-testid="history-chart">
      {onlyPoint && range ? (
        <p className="chart-note muted" data-testid="chart-note">
          One price so far: {price(range.min)}
        </p>
      ) : null}
      <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-labelledby={titleId} className="chart-svg">
        <title id={titleId}>{title}</title>
        <line className="chart-axis" x1={box.left} x2={box.right} y1={box.bottom} y2={box.bottom} />
        {range && onePrice !== null ? (
          // one price: one label, level with the line (not the same price as both top and bottom of the scale)
          <text className="chart-label" x={box.left - 8} y={priceScale(range, box)(onePrice) + 4} textAnchor="end">
            {price(onePrice)}
          </text>
        ) : null}
        {range && onePrice === null ? (
          <>
            <text className="chart-label" x={box.left - 8} y={box.top + 10} textAnchor="end">
              {price(range.max)}
            </text>
            <text className="chart-label" x={box.left - 8} y={box.bottom} textAnchor="end">
              {price(range.min)}
            </text>
          </>
        ) : null}
        {range ? <path className="chart-price" d={priceStepPath(points, box)} /> : null}
        {stockSegments(points, box).map((segment, index) => (
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
        <text className="chart-label" x={box.left - 8} y={BAND.y + 11} textAnchor="end">
          Stock
        </text>
        {axis ? (
          <g data-testid="time-axis">
            <text className="chart-label" x={box.left} y={box.height - 1}>
              {axis.start}
            </text>
            {axis.end ? (
              <text className="chart-label" x={box.right} y={box.height - 1} textAnchor="end">
                {axis.end}
              </text>
            ) : null}
          </g>
        ) : null}
      </svg>
      <figcaption className="chart-legend">
        <span className="legend tone-in">In stock</span>
        <span className="legend tone-orderable">Back order / pre-order</span>
        <span className="legend tone-out">Out of stock</span>
        <span className="legend tone-unknown">Unknown</span>
      </figcaption>
      {/* in a clipping box: a table is never narrower than its content, even when told to be 1px wide */}
      <div className="visually-hidden">
        <table>
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
      </div>
    </figure>
  );
}
