// Plain-text words for what changed: used in notifications, the feed and alert messages.

import type { StockAvailability, TrackedField } from '../contract/enums.js';
import type { FeedEntry, FieldChange } from '../contract/feed.js';
import type { ProductState } from '../contract/product.js';
import { formatPrice, percentChange } from './money.js';
import { STOCK_LABELS } from './stock.js';

const MINUS = '\u2212';
const ARROW = '\u2192';

/** "−12.5%" / "+4%": a real minus sign reads better than a hyphen in a notification. */
export function formatPercent(pct: number): string {
  return pct < 0 ? `${MINUS}${Math.abs(pct)}%` : `+${pct}%`;
}

/** "$39.99 → $34.99 (−12.5%)"; both sides in one currency. */
export function describePriceMove(from: number, to: number, currency: string | undefined): string {
  const pct = percentChange(from, to);
  const move = `${formatPrice(from, currency)} ${ARROW} ${formatPrice(to, currency)}`;
  return pct === 0 ? move : `${move} (${formatPercent(pct)})`;
}

function stockLabel(value: FieldChange['from']): string {
  return typeof value === 'string' && Object.hasOwn(STOCK_LABELS, value)
    ? STOCK_LABELS[value as StockAvailability]
    : STOCK_LABELS.Unknown;
}

function describeAmount(label: string, change: FieldChange, format: (n: number) => string): string {
  const { from, to } = change;
  if (typeof from === 'number' && typeof to === 'number') return `${label}${format(from)} ${ARROW} ${format(to)}`;
  if (typeof to === 'number') return `${label}${format(to)}`;
  return `${label.trim() || 'Value'} removed`;
}

export function describeChange(change: FieldChange, product: ProductState, currency = product.currency): string {
  const { from, to } = change;
  const money = (n: number) => formatPrice(n, currency);
  switch (change.field) {
    case 'currentPrice':
      if (typeof from === 'number' && typeof to === 'number') return describePriceMove(from, to, currency);
      return describeAmount('Price ', change, money);
    case 'originalPrice':
      return describeAmount('Original price ', change, money);
    case 'inventory':
      return describeAmount('Inventory ', change, String);
    case 'stockAvailability':
      return `${stockLabel(from)} ${ARROW} ${stockLabel(to)}`;
    case 'removed':
      return to === true ? 'Removed from catalog' : 'Back in catalog';
    case 'currency':
      return from === null ? `Currency ${to}` : `Currency ${from} ${ARROW} ${to ?? 'none'}`;
    case 'campaignId':
      return from === null ? `Program ${to}` : `Program ${from} ${ARROW} ${to ?? 'none'}`;
    case 'name':
      return 'Name changed';
    case 'url':
      return 'Link changed';
    case 'imageUrl':
      return 'Image changed';
  }
}

/**
 * The order changes are listed in: price and stock first, always (a long line is cut at its end), then whether it is
 * still in the catalog, inventory, and the rest.
 */
const LISTING_ORDER: readonly TrackedField[] = [
  'currentPrice',
  'stockAvailability',
  'removed',
  'inventory',
  'originalPrice',
  'currency',
  'campaignId',
  'name',
  'url',
  'imageUrl',
];

function byListingOrder(changes: readonly FieldChange[]): FieldChange[] {
  const rank = (change: FieldChange) => {
    const at = LISTING_ORDER.indexOf(change.field);
    return at === -1 ? LISTING_ORDER.length : at; // a field added to the model later goes last, not first
  };
  return [...changes].sort((a, b) => rank(a) - rank(b));
}

export type DescribedEntry = Pick<FeedEntry, 'operation' | 'changes' | 'product' | 'isNew' | 'unknownOperation'>;

/** The currency the entry's prices were sent in: the one it set, else the product's. */
function entryCurrency(entry: DescribedEntry): string | undefined {
  const set = entry.changes.find((change) => change.field === 'currency')?.to;
  return typeof set === 'string' ? set : entry.product.currency;
}

/** "New: $39.99 · In stock", from the entry's own starting values (the product may have changed since). */
function describeStart(entry: DescribedEntry): string {
  const currency = entryCurrency(entry);
  const start: string[] = [];
  for (const change of byListingOrder(entry.changes)) {
    if (change.field === 'currentPrice' && typeof change.to === 'number') start.push(formatPrice(change.to, currency));
    if (change.field === 'stockAvailability' && change.to !== null) start.push(stockLabel(change.to));
  }
  return start.length > 0 ? `New: ${start.join(' · ')}` : 'New: no price or stock yet';
}

function describeBody(entry: DescribedEntry): string {
  if (entry.isNew) return describeStart(entry);
  if (entry.changes.length === 0) {
    // An entry without changes is a Delete of an item no postback had mentioned (the engine creates no product),
    // or a first entry stored before first entries listed their starting values.
    return entry.operation === 'Delete' ? 'Removed from catalog (never seen before)' : 'New in catalog';
  }
  const currency = entryCurrency(entry);
  return byListingOrder(entry.changes)
    .map((change) => describeChange(change, entry.product, currency))
    .join(', ');
}

/** Said after the changes, so price and stock still come first. */
function describeUnknownOperation(word: string): string {
  return `Unrecognized operation \u201c${word}\u201d, applied as an update`;
}

/** One line for a feed entry or a notification. */
export function describeEntry(entry: DescribedEntry): string {
  const body = describeBody(entry);
  return entry.unknownOperation === undefined ? body : `${body} · ${describeUnknownOperation(entry.unknownOperation)}`;
}
