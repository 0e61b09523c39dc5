// Issue 20: lowering retention says what it will delete before it is saved: the history points beyond the new limit
// per product (and of how many products), and the oldest feed entries beyond the new feed limit. Counted in pieces
// with the event loop free between them.
import { describe, expect, it } from 'vitest';
import { previewRetention } from '../../main/engine/store/retention-preview.js';
import { applyHarness } from '../helpers/apply-harness.js';

const price = (item: string, value: number) => ({
  CatalogId: '7',
  CatalogItemId: item,
  CurrentPrice: String(value),
  Currency: 'USD',
});

describe('the retention preview', () => {
  it('counts the history points and feed entries a lower limit would delete', async () => {
    const harness = applyHarness();
    // A: 5 points, B: 3 points, C: 1 point
    for (let i = 0; i < 5; i++) harness.postback(price('A', 10 + i));
    for (let i = 0; i < 3; i++) harness.postback(price('B', 20 + i));
    harness.postback(price('C', 30));
    const entries = harness.store.feed.entries;
    expect(await previewRetention(harness.store, { historyPerProduct: 2 })).toEqual({
      feedEntries: 0,
      historyPoints: 3 + 1,
      products: 2,
    });
    expect(await previewRetention(harness.store, { historyPerProduct: 5, feedEntries: entries - 4 })).toEqual({
      feedEntries: 4,
      historyPoints: 0,
      products: 0,
    });
  });

  it('reads the products in pieces, letting the event loop run between them', async () => {
    const harness = applyHarness();
    for (let item = 0; item < 5; item++) for (let i = 0; i < 3; i++) harness.postback(price(`P${item}`, 1 + i));
    let yields = 0;
    const pacing = { productsPerPiece: 2, yieldToLoop: async () => void yields++ };
    expect(await previewRetention(harness.store, { historyPerProduct: 2 }, pacing)).toEqual({
      feedEntries: 0,
      historyPoints: 5,
      products: 5,
    });
    expect(yields).toBe(2); // pieces of 2, 2 and 1 products
  });
});
