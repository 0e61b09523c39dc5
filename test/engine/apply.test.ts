// Applying journal records to the store: what a user sees in the feed, the quarantine and the settings.
import { describe, expect, it } from 'vitest';
import { applyHarness as harness, HARNESS_START_MS as T0 } from '../helpers/apply-harness.js';

const item = (price: string, extra: Record<string, string> = {}) => ({
  CatalogId: '7',
  CatalogItemId: 'A-1',
  Name: 'Lamp',
  CurrentPrice: price,
  ...extra,
});

describe('applying postbacks', () => {
  it('follows every postback: a body identical to an earlier one is applied when the item changed in between', () => {
    const h = harness();
    expect(h.postback(item('10.00')).entries).toHaveLength(1);
    expect(h.postback(item('8.00')).entries[0]?.changes).toEqual([{ field: 'currentPrice', from: 10, to: 8 }]);
    h.advance(60_000);
    expect(h.postback(item('10.00')).entries[0]?.changes).toEqual([{ field: 'currentPrice', from: 8, to: 10 }]);
    expect(h.product('7:A-1')?.currentPrice).toBe(10);
    expect(h.store.stats).toMatchObject({ received: 3, duplicates: 0 });
  });

  it('counts a delivery that changes nothing as a repeat and makes no feed entry', () => {
    const h = harness();
    h.postback(item('10.00'));
    expect(h.postback(item('10.00')).entries).toHaveLength(0);
    h.advance(3_600_000);
    expect(h.postback(item('10.00')).entries).toHaveLength(0);
    expect(h.store.stats).toMatchObject({ received: 3, duplicates: 2 });
  });

  it('records a Delete for a never-seen item in the feed, but creates no product to list or search', () => {
    const h = harness();
    const effects = h.postback({ CatalogId: '7', CatalogItemId: 'GONE-1', Operation: 'Delete' });
    expect(effects.entries.map((entry) => [entry.operation, entry.isNew, entry.changes])).toEqual([
      ['Delete', false, []],
    ]);
    expect(h.store.products.count()).toBe(0);
    expect(h.feed({ q: 'gone' }).items).toEqual([]);
    expect(h.postback({ CatalogId: '7', CatalogItemId: 'GONE-1', Operation: 'Delete' }).entries).toEqual([]); // once
    // the item's first real postback makes it a product, new from then on
    const back = h.postback({ CatalogId: '7', CatalogItemId: 'GONE-1', Name: 'Back again', CurrentPrice: '3' });
    expect(back.entries[0]).toMatchObject({ isNew: true, product: { removed: false, name: 'Back again' } });
    expect(h.store.products.count()).toBe(1);
  });

  it('keeps an operation word that is none of impact.com’s, applied as an update', () => {
    const h = harness();
    h.postback(item('10.00'));
    const effects = h.postback(item('9.00', { Operation: 'Create' }));
    expect(effects.entries[0]).toMatchObject({ operation: 'Update', unknownOperation: 'Create' });
    expect(h.feed().items[0]?.unknownOperation).toBe('Create');
  });

  it('records a test postback as "connected" without a product or feed entry', () => {
    const h = harness();
    const effects = h.postback({
      CatalogId: '{CatalogId}',
      CatalogItemId: '{CatalogItemId}',
      CurrentPrice: '{CurrentPrice}',
    });
    expect(effects.entries).toEqual([]);
    expect(h.store.stats.testPostbackAt).toBe(new Date(T0).toISOString());
    expect(h.store.products.count()).toBe(0);
  });

  it('quarantines an unusable postback and re-processes it after a mapping change', () => {
    const h = harness();
    h.postback({ katalog: '7', artikel: 'B-2', preis: '5,50' });
    expect(h.store.quarantine.list()).toHaveLength(1);
    expect(h.store.quarantine.list()[0]?.reason).toMatch(/item id/i);
    h.command({
      kind: 'updateSettings',
      patch: { mapping: { katalog: 'catalogId', artikel: 'catalogItemId', preis: 'currentPrice' } },
    });
    const effects = h.command({ kind: 'reprocessQuarantine' });
    expect(effects.entries.map((entry) => entry.key)).toEqual(['7:B-2']);
    expect(h.product('7:B-2')?.currentPrice).toBe(5.5);
    expect(h.store.quarantine.list()).toEqual([]);
    expect(h.store.stats.quarantined).toBe(0);
  });

  it('raises a watch alert once, and the alert is on the feed entry', () => {
    const h = harness();
    h.postback(item('40.00'));
    h.command({
      kind: 'createWatch',
      watch: {
        id: 'w1',
        target: { catalogId: '7', catalogItemId: 'A-1' },
        rules: [{ kind: 'price-below', value: 30 }],
        muted: false,
        createdAt: '',
      },
    });
    expect(h.postback(item('29.00')).entries[0]?.alerts.map((alert) => alert.kind)).toEqual(['price-below']);
    expect(h.postback(item('28.00')).entries[0]?.alerts).toEqual([]);
    h.postback(item('31.00'));
    expect(h.postback(item('29.00', { Currency: 'USD' })).entries[0]?.alerts).toHaveLength(1);
  });

  it('keeps the feed and each history within the configured retention', () => {
    const h = harness();
    h.command({ kind: 'updateSettings', patch: { retention: { feedEntries: 100, historyPerProduct: 5 } } });
    for (let i = 0; i < 300; i++) h.postback(item(`${100 + i}.00`));
    expect(h.store.feed.entries).toBeLessThanOrEqual(101);
    const page = h.feed();
    expect(page.items).toHaveLength(h.store.feed.entries);
    expect(page.items[0]?.changes[0]?.to).toBe(399);
    const lamp = h.product('7:A-1');
    expect(lamp && h.store.products.history(lamp.id, 100)).toHaveLength(5);
    expect(h.unread()).toBe(h.store.feed.entries);
    expect(h.feed({ q: 'lamp' }).total).toBe(h.store.feed.entries); // per-product counts follow the trim
  });

  it('marks entries read and keeps the unread count right', () => {
    const h = harness();
    h.postback(item('1.00'));
    h.postback(item('2.00'));
    h.command({ kind: 'markRead', ids: [h.feed().items.at(-1)?.id ?? ''] });
    expect(h.unread()).toBe(1);
    expect(h.feed().items.map((entry) => entry.read)).toEqual([false, true]);
    h.command({ kind: 'markRead', all: true });
    expect(h.unread()).toBe(0);
    h.postback(item('3.00'));
    expect(h.unread()).toBe(1);
    expect(h.feed().items.map((entry) => entry.read)).toEqual([false, true, true]);
  });

  it('keeps a counted unread number right while retention drops read and unread entries', () => {
    const h = harness();
    h.command({ kind: 'updateSettings', patch: { retention: { feedEntries: 20, historyPerProduct: 5 } } });
    for (let i = 0; i < 10; i++) h.postback(item(`${i + 1}.00`));
    h.command({ kind: 'markRead', all: true, through: h.feed().items[6]?.id }); // the 4 oldest read
    h.command({ kind: 'markRead', ids: [h.feed().items[4]?.id ?? '', h.feed().items[1]?.id ?? ''] });
    expect(h.unread()).toBe(4); // counted now, then kept up to date
    for (let i = 0; i < 40; i++) h.postback(item(`${i + 20}.00`));
    const kept = h.unread();
    h.store.readState.forgetCounts();
    expect(kept).toBe(h.unread());
  });
});

describe('feed queries', () => {
  it('finds a product by its new name after a rename, and no longer by the old one', () => {
    const h = harness();
    h.postback({ CatalogId: '1', CatalogItemId: 'SKU-9', Name: 'Old lamp', CurrentPrice: '5' });
    expect(h.feed({ q: 'old lamp' }).total).toBe(1);
    h.postback({ CatalogId: '1', CatalogItemId: 'SKU-9', Name: 'Brass lantern', CurrentPrice: '5' });
    expect(h.feed({ q: 'lantern' }).total).toBe(2);
    expect(h.feed({ q: 'old lamp' }).total).toBe(0);
  });

  it('pages newest first, filters watched and alerts, and searches name and item id', () => {
    const h = harness();
    for (let i = 0; i < 30; i++)
      h.postback({
        CatalogId: '1',
        CatalogItemId: `SKU-${i}`,
        Name: i % 2 ? 'Red lamp' : 'Blue chair',
        CurrentPrice: '5',
      });
    h.command({
      kind: 'createWatch',
      watch: {
        id: 'w',
        target: { catalogId: '1', catalogItemId: 'SKU-3' },
        rules: [{ kind: 'price-change' }],
        muted: false,
        createdAt: '',
      },
    });
    h.postback({ CatalogId: '1', CatalogItemId: 'SKU-3', CurrentPrice: '4' });

    const first = h.feed({ limit: 10 });
    expect(first.items.map((entry) => entry.product.catalogItemId).slice(0, 2)).toEqual(['SKU-3', 'SKU-29']);
    expect(first.total).toBe(31);
    const second = h.feed({ limit: 10, before: first.next ?? '' });
    expect(second.items[0]?.product.catalogItemId).toBe('SKU-20');
    expect(h.feed({ filter: 'watched' }).items.map((entry) => entry.seq)).toHaveLength(2);
    expect(h.feed({ filter: 'alerts' }).items.map((entry) => entry.alerts[0]?.kind)).toEqual(['price-change']);
    expect(h.feed({ q: 'red' }).total).toBe(16); // 15 red lamps + SKU-3's price change
    expect(
      h
        .feed({ q: 'sku-1' })
        .items.map((entry) => entry.product.catalogItemId)
        .sort(),
    ).toEqual(['SKU-1', ...Array.from({ length: 10 }, (_, i) => `SKU-${10 + i}`)].sort());
  });
});
