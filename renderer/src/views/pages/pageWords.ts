// What the Pages view calls each reason for attention, each kind of match and each product's state: plain words a
// partner uses, not the API's codes.

import type { StockAvailability } from '../../../../shared/contract/enums.js';
import type { AttentionReason, PageMatch, PageProduct } from '../../../../shared/contract/pages.js';
import { formatPrice } from '../../../../shared/domain/money.js';
import { STOCK_LABELS } from '../../../../shared/domain/stock.js';

export const REASON_LABELS: Record<AttentionReason, string> = {
  'out-of-stock': 'Out of stock',
  removed: 'Removed from the catalog',
  'price-up': 'Dearer than when the page was read',
  untracked: 'Plain link: earns nothing',
};

export const MATCH_LABELS: Record<PageMatch, string> = {
  link: 'Your tracking link',
  sku: 'Tracking link (program and item)',
  destination: 'Tracking link to its page',
  untracked: 'Plain link, no tracking: earns nothing',
};

/** "In stock · $199.00", "Removed from catalog". */
export function productStateText(product: PageProduct): string {
  if (product.removed) return 'Removed from catalog';
  const stock = STOCK_LABELS[product.stockAvailability as StockAvailability] ?? product.stockAvailability;
  return product.currentPrice === undefined
    ? stock
    : `${stock} · ${formatPrice(product.currentPrice, product.currency)}`;
}

/** A page's read in words: "Read 2 h ago", or why it could not be read. */
export function readProblem(status: number, problem: string | null | undefined): string | null {
  if (problem) return `Could not be read: ${problem}`;
  if (status >= 400) return `Could not be read: the server answered ${status}`;
  return null;
}
