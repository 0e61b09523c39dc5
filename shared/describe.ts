// Plain-text words for what changed: used in notifications, the feed and alert messages.

import type { FieldChange, Operation, ProductState, StockAvailability } from './model.js';
import { formatPrice, percentChange } from './money.js';
import { STOCK_LABELS } from './stock.js';

const MINUS = '\u2212';
const ARROW = '\u2192';

/** "−12.5%" / "+4%": a real minus sign reads better than a hyphen in a notification. */
export function formatPercent(pct: number): string {
  return pct < 0 ? `${MINUS}${Math.abs(pct)}%` : `+${pct}%`;
}

/** "$39.99 → $34.99 (−12.5%)"; both sides in the product's current currency. */
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

export function describeChange(change: FieldChange, product: ProductState): string {
  const { from, to } = change;
  const money = (n: number) => formatPrice(n, product.currency);
  switch (change.field) {
    case 'currentPrice':
      if (typeof from === 'number' && typeof to === 'number') return describePriceMove(from, to, product.currency);
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

/** One line for a feed entry or a notification. */
export function describeEntry(entry: {
  operation: Operation;
  changes: FieldChange[];
  product: ProductState;
  isNew?: boolean;
}): string {
  const { operation, changes, product } = entry;
  if (entry.isNew) {
    const start = changes.filter((change) => change.field === 'currentPrice' || change.field === 'stockAvailability');
    return ['New', ...start.map((change) => describeChange(change, product))].join(' · ');
  }
  if (changes.length === 0) {
    if (operation === 'Delete') return 'Removed from catalog';
    if (operation === 'Insert') return 'New in catalog';
    return product.firstSeenAt === product.updatedAt ? 'First seen' : 'No changes';
  }
  return changes.map((change) => describeChange(change, product)).join(', ');
}
