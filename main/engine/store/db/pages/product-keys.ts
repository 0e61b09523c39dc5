// Each product's keys for the link matcher (its tracking link, program + item, destination), so a page's links find
// their products by index, and a product that arrives after a scan finds the links already read. Kept only while the
// partner has sites: without any, products cost nothing extra. Turning it on fills the keys of the products already
// stored in the background (fillSome); a product saved meanwhile writes its own, which the fill leaves alone.
import type { ProductState } from '../../../../../shared/contract/product.js';
import { type ProductKeys, type ProductLookup, productKeys } from '../../../pages/links/match-keys.js';
import { Meta } from '../meta.js';
import type { Db } from '../open.js';
import type { MatchedProduct } from './page-table.js';

const FILLED = 'pageKeysFilled';

type KeyColumn = 'link_key' | 'sku_key' | 'dest_key';
type Statement = ReturnType<Db['prepare']>;

interface Claim {
  id: number;
  price: number | null;
  currency: string | null;
  key: number;
}

export class ProductKeyTable {
  private keeping: boolean;
  private readonly meta: Meta;
  private readonly putStatement;
  private readonly fillStatement;
  private readonly unfilledStatement;
  private readonly lookups: Record<KeyColumn, Statement>;
  /** link, sku, destination, untracked: in the order matchLink tries them */
  private readonly claims: [Statement, Statement, Statement, Statement];
  private readonly unlinkStatement;

  constructor(
    private readonly db: Db,
    hasSites: boolean,
  ) {
    this.meta = new Meta(db);
    this.keeping = hasSites;
    this.putStatement = db.prepare(
      'INSERT OR REPLACE INTO product_match_keys (product_id, link_key, sku_key, dest_key) VALUES (?, ?, ?, ?)',
    );
    this.fillStatement = db.prepare(
      'INSERT OR IGNORE INTO product_match_keys (product_id, link_key, sku_key, dest_key) VALUES (?, ?, ?, ?)',
    );
    this.unfilledStatement = db.prepare<
      [number, number],
      { id: number; url: string | null; campaign_id: string | null; item_id: string }
    >('SELECT id, url, campaign_id, item_id FROM products WHERE id > ? AND NOT ghost ORDER BY id LIMIT ?');
    const lookup = (column: KeyColumn) =>
      db.prepare(
        `SELECT k.product_id AS id, p.current_price AS price, p.currency FROM product_match_keys k
         JOIN products p ON p.id = k.product_id WHERE k.${column} = ? ORDER BY k.product_id LIMIT 1`,
      );
    this.lookups = { link_key: lookup('link_key'), sku_key: lookup('sku_key'), dest_key: lookup('dest_key') };
    // A product's keys claim the links that lead to it, unless a match tried earlier holds them (see matchLink).
    const claim = (column: KeyColumn, match: number, tracked: number) =>
      db.prepare(
        `UPDATE links SET product_id = @id, match = ${match}, price = @price, currency = @currency
         WHERE ${column} = @key AND tracked = ${tracked} AND (match IS NULL OR match > ${match})`,
      );
    this.claims = [claim('link_key', 1, 1), claim('sku_key', 2, 1), claim('dest_key', 3, 1), claim('dest_key', 4, 0)];
    // Links the product's old keys matched and its new ones do not: unmatched until the next scan reads them again.
    this.unlinkStatement = db.prepare(
      `UPDATE links SET product_id = NULL, match = NULL, price = NULL, currency = NULL WHERE product_id = @id
       AND NOT (match = 1 AND link_key IS @link) AND NOT (match = 2 AND sku_key IS @sku)
       AND NOT (match >= 3 AND dest_key IS @destination)`,
    );
  }

  /** The product's Url or program changed (or it is new): its keys, and the links that now lead to it. */
  productChanged(id: number, product: ProductState): void {
    if (!this.enabled) return;
    const keys = productKeys(product);
    this.putStatement.run(id, keys.link, keys.sku, keys.destination);
    this.relink(id, keys, { id, price: product.currentPrice ?? null, currency: product.currency ?? null });
  }

  private relink(id: number, keys: ProductKeys, product: Omit<Claim, 'key'>): void {
    this.unlinkStatement.run({ id, ...keys });
    const [link, sku, destination, untracked] = this.claims;
    if (keys.link !== null) link.run({ ...product, key: keys.link });
    if (keys.sku !== null) sku.run({ ...product, key: keys.sku });
    if (keys.destination !== null) {
      destination.run({ ...product, key: keys.destination });
      untracked.run({ ...product, key: keys.destination });
    }
  }

  get filled(): boolean {
    return this.meta.get(FILLED, false);
  }

  /**
   * Fills the keys of up to `limit` stored products after `afterId`, in one transaction; returns the last id done,
   * or null when every product has its keys.
   */
  fillSome(afterId: number, limit: number): number | null {
    return this.db.transaction(() => {
      const rows = this.unfilledStatement.all(afterId, limit);
      for (const row of rows) {
        const product = {
          url: row.url ?? undefined,
          campaignId: row.campaign_id ?? undefined,
          catalogItemId: row.item_id,
        };
        const keys = productKeys(product);
        this.fillStatement.run(row.id, keys.link, keys.sku, keys.destination);
      }
      const last = rows.at(-1);
      if (last && rows.length === limit) return last.id;
      this.meta.set(FILLED, true);
      return null;
    })();
  }

  /** whether keys are kept (there are sites) */
  get enabled(): boolean {
    return this.keeping;
  }

  /** A transaction that added or deleted a site rolled back: follow the sites the database has. */
  reloaded(hasSites: boolean): void {
    this.keeping = hasSites;
  }

  /** The first site was added (true) or the last one deleted (false): keep keys, or drop them all. */
  setEnabled(enabled: boolean): void {
    if (enabled === this.keeping) return;
    this.keeping = enabled;
    if (!enabled) {
      this.db.exec('DELETE FROM product_match_keys');
      this.meta.set(FILLED, false);
    }
  }

  /** The matcher's lookups (see matchLink). */
  lookup(): ProductLookup<MatchedProduct> {
    const find = (column: KeyColumn) => (hash: number) => this.lookups[column].get(hash) as MatchedProduct | undefined;
    return { byLink: find('link_key'), bySku: find('sku_key'), byDestination: find('dest_key') };
  }
}
