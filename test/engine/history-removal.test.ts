// A removal is a point in the stock history: a removed product's history no longer says "In stock" to the end.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/engine/store/db/open.js';
import { SCHEMA_VERSION } from '../../main/engine/store/db/schema.js';
import { applyHarness as harness } from '../helpers/apply-harness.js';
import { asVersion4 } from '../helpers/older-schema.js';

const history = (h: ReturnType<typeof harness>, key: string) => {
  const product = h.product(key);
  if (!product) throw new Error(`no product ${key}`);
  return h.store.products.history(product.id, 100);
};

describe('removal in the history', () => {
  it('records the removal as a point, and the return to the catalog as the next', () => {
    const h = harness();
    h.postback({ CatalogId: '7', CatalogItemId: 'L-1', CurrentPrice: '10', StockAvailability: 'InStock' });
    h.advance(60_000);
    h.postback({ CatalogId: '7', CatalogItemId: 'L-1', Operation: 'Delete' });
    h.advance(60_000);
    h.postback({ CatalogId: '7', CatalogItemId: 'L-1', CurrentPrice: '12', StockAvailability: 'InStock' });
    expect(history(h, '7:L-1').map((point) => [point.currentPrice, point.stockAvailability, point.removed])).toEqual([
      [10, 'InStock', undefined],
      [10, 'InStock', true],
      [12, 'InStock', undefined],
    ]);
  });

  it('marks the newest point of a removed product when a database from before opens', () => {
    const h = harness();
    h.postback({ CatalogId: '7', CatalogItemId: 'L-1', CurrentPrice: '10' });
    h.postback({ CatalogId: '7', CatalogItemId: 'L-1', Operation: 'Delete' });
    h.postback({ CatalogId: '7', CatalogItemId: 'L-2', CurrentPrice: '10' });
    h.postback({ CatalogId: '7', CatalogItemId: 'L-2', CurrentPrice: '11' });
    asVersion4(h.store.db);
    h.store.db.close();

    const { db, movedAside } = openDatabase(h.dir, Date.now);
    try {
      expect(movedAside).toEqual([]);
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const rows = db
        .prepare(
          'SELECT p.item_id, h.price, h.removed FROM history h JOIN products p ON p.id = h.product_id ORDER BY h.pos',
        )
        .raw()
        .all();
      expect(rows).toEqual([
        ['L-1', 10, 0],
        ['L-1', 10, 1],
        ['L-2', 10, 0],
        ['L-2', 11, 0],
      ]);
    } finally {
      db.close();
    }
  });
});
