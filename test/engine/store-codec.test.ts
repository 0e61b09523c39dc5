// The store file round-trips everything the user relies on, and damaged files are recognised as such.
import { describe, expect, it } from 'vitest';
import { applyRecord } from '../../main/engine/apply/index.js';
import { decodeStore, encodeStore } from '../../main/engine/store/codec.js';
import { emptyStore } from '../../main/engine/store/state.js';
import { StoreView } from '../../main/engine/store/view.js';

function populatedStore() {
  const view = new StoreView(emptyStore());
  const post = (seq: number, body: object) =>
    applyRecord(view, {
      seq,
      at: 1_800_000_000_000 + seq,
      type: 'postback',
      raw: { method: 'POST', query: '', contentType: 'application/json', headers: {}, body: JSON.stringify(body) },
    });
  applyRecord(view, {
    seq: 1,
    at: 1,
    type: 'command',
    command: {
      kind: 'createWatch',
      watch: {
        id: 'w',
        target: { catalogId: '5', catalogItemId: 'B' },
        rules: [{ kind: 'price-change' }],
        muted: false,
        createdAt: 'x',
      },
    },
  });
  post(2, {
    CatalogId: '5',
    CatalogItemId: 'A',
    Name: 'Ä "quoted" name',
    CurrentPrice: '$1,299.00',
    Url: 'https://x.example/a',
  });
  post(3, { CatalogId: '5', CatalogItemId: 'B', CurrentPrice: '3', StockAvailability: 'OutofStock' });
  post(4, { CatalogId: '5', CatalogItemId: 'B', CurrentPrice: '2.5', StockAvailability: 'InStock' });
  post(5, { CatalogId: '5', CatalogItemId: 'A', Operation: 'Delete' });
  post(6, { nothing: 'usable' });
  applyRecord(view, { seq: 7, at: 7, type: 'command', command: { kind: 'markRead', ids: ['2'] } });
  return view;
}

describe('store codec', () => {
  it('round-trips products, history, feed (with alerts and read state), watches, quarantine and stats', () => {
    const view = populatedStore();
    const decoded = decodeStore(encodeStore(view.data));
    expect(decoded).not.toBeNull();
    const again = new StoreView(decoded as NonNullable<typeof decoded>);
    expect(again.data.products).toEqual(view.data.products);
    expect(again.data.history).toEqual(view.data.history);
    expect(again.queryFeed({ limit: 200 })).toEqual(view.queryFeed({ limit: 200 }));
    expect(again.queryFeed({ filter: 'alerts' }).items).toHaveLength(1);
    expect(again.unread).toBe(view.unread);
    expect(again.unread).toBe(3);
    const { feed: _a, products: _b, history: _c, ...rest } = view.data;
    const { feed: _d, products: _e, history: _f, ...restAgain } = again.data;
    expect(restAgain).toEqual(rest);
  });

  it.each([
    ['empty', ''],
    ['truncated', () => encodeStore(populatedStore().data).slice(0, 200)],
    ['not JSON', 'garbage'],
    [
      'cut off between two lines (no end line)',
      () => encodeStore(populatedStore().data).split('\n').slice(0, -2).join('\n'),
    ],
    ['trailing garbage after the end line', () => `${encodeStore(populatedStore().data)}{"products":[]}\n`],
    ['NUL bytes', '\0'.repeat(64)],
    ['another program’s JSON', '{"hello":"world"}'],
    ['an old format', JSON.stringify({ ...emptyStore(), feed: [] })],
    ['feed columns of unequal length', () => encodeStore(populatedStore().data).replace('"sub":[0,', '"sub":[')],
  ])('rejects %s', (_name, text) => {
    expect(decodeStore(typeof text === 'function' ? text() : text)).toBeNull();
  });

  it('checks every row, not only the first: a damaged last product or history point is refused', () => {
    const products = () => {
      const data = populatedStore().data;
      expect(Object.keys(data.products).length).toBeGreaterThan(1);
      return data;
    };
    const badProduct = products();
    const last = Object.values(badProduct.products).at(-1) as { removed: unknown };
    last.removed = 'no';
    expect(decodeStore(encodeStore(badProduct))).toBeNull();
    const badHistory = products();
    const points = Object.values(badHistory.history).at(-1) as { at: unknown }[];
    (points.at(-1) as { at: unknown }).at = 5;
    expect(decodeStore(encodeStore(badHistory))).toBeNull();
  });
});
