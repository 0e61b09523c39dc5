// Which pages need the partner, and why: a link to a product that is out of stock, removed from the catalog, or up in
// price since the page was read, or a plain link that earns nothing (untracked). Worked out from the link index and
// the products' current state in one pass over the matched links, and kept until either changes.
import type { AttentionReason, PageAttention } from '../../../../../shared/contract/pages.js';
import type { Db } from '../open.js';

interface AttentionRow {
  page_id: number;
  key: string;
  match: number;
  stock: string;
  removed: number;
  current_price: number | null;
  currency: string | null;
  price: number | null;
  scan_currency: string | null;
}

const REASON_ORDER: readonly AttentionReason[] = ['removed', 'out-of-stock', 'price-up', 'untracked'];
const UNTRACKED = 4;

export class AttentionIndex {
  private readonly statement;
  private cached: { version: string; byPage: Map<number, PageAttention[]> } | null = null;

  constructor(db: Db) {
    this.statement = db.prepare<[], AttentionRow>(
      `SELECT l.page_id, p.key, l.match, p.stock, p.removed, p.current_price, p.currency, l.price,
         l.currency AS scan_currency
       FROM links l JOIN products p ON p.id = l.product_id
       WHERE l.product_id IS NOT NULL AND (l.match = ${UNTRACKED} OR p.removed OR p.stock = 'OutOfStock'
         OR (p.current_price > l.price AND p.currency IS l.currency))`,
    );
  }

  /** Each page that needs attention, with its reasons (one per product and reason, the worst first). */
  byPage(version: string): Map<number, PageAttention[]> {
    if (this.cached?.version === version) return this.cached.byPage;
    const byPage = new Map<number, PageAttention[]>();
    for (const row of this.statement.iterate()) {
      const list = byPage.get(row.page_id) ?? [];
      for (const reason of reasonsOf(row)) {
        if (!list.some((known) => known.productKey === row.key && known.reason === reason))
          list.push({ productKey: row.key, reason });
      }
      byPage.set(row.page_id, list);
    }
    for (const list of byPage.values())
      list.sort((a, b) => REASON_ORDER.indexOf(a.reason) - REASON_ORDER.indexOf(b.reason));
    this.cached = { version, byPage };
    return byPage;
  }
}

function reasonsOf(row: AttentionRow): AttentionReason[] {
  const reasons: AttentionReason[] = [];
  if (row.removed) reasons.push('removed');
  else if (row.stock === 'OutOfStock') reasons.push('out-of-stock');
  const dearer = row.current_price !== null && row.price !== null && row.current_price > row.price;
  if (!row.removed && dearer && row.currency === row.scan_currency) reasons.push('price-up');
  if (row.match === UNTRACKED) reasons.push('untracked');
  return reasons;
}
