// Nothing a brand sends vanishes: a value that cannot be read (a price that is no number, a negative price, a stock
// word no list knows) still lets the readable fields apply, and the postback lands in "Need attention" with its
// reason; entries there can be dismissed one by one or all, and the status line's count follows.
import { afterEach, describe, expect, it } from 'vitest';
import { applyHarness as harness, HARNESS_START_MS as T0 } from '../helpers/apply-harness.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { settled, startEngine, type TestEngine } from '../reliability/helpers/engine-harness.js';
import { post } from '../reliability/helpers/postbacks.js';

const lamp = (fields: Record<string, string>) =>
  JSON.stringify({ CatalogId: '7', CatalogItemId: 'L-1', Name: 'Lamp', ...fields });

describe('values that cannot be read, over the UI API', () => {
  let test: TestEngine | undefined;
  const temp = makeTempDir('shelfwatch-attention-');
  afterEach(async () => {
    await test?.close();
    temp.remove();
  });

  const start = async () => {
    test = await startEngine(temp.dir);
    return test;
  };
  const send = async (t: TestEngine, body: string) => {
    expect(await post(t, body)).toEqual([200]);
    await settled(t.engine, t.dataDir);
  };
  const attention = async (t: TestEngine) => (await t.engine.api.status(undefined)).receiver.quarantined;

  it('applies the readable fields of an unreadable and a negative price, names each problem, and dismisses them', async () => {
    const t = await start();
    await send(t, lamp({ CurrentPrice: '30.00', Stock: 'InStock' }));
    await send(t, lamp({ Name: 'Brass lamp', CurrentPrice: 'thirty-four', Stock: 'OutOfStock' }));
    await send(t, lamp({ Name: 'Brass lamp', CurrentPrice: '-5', Inventory: '0' }));

    const { product } = await t.engine.api.product({ key: '7:L-1' });
    expect(product).toMatchObject({ name: 'Brass lamp', stockAvailability: 'OutOfStock', inventory: 0 });
    expect(product.currentPrice).toBe(30); // never replaced by what could not be read
    const listed = await t.engine.api.quarantine(undefined);
    expect(listed.map((entry) => [entry.reason, entry.applied])).toEqual([
      ['CurrentPrice "-5" is a negative price', true],
      ['CurrentPrice "thirty-four" is not a price', true],
    ]);
    expect(await attention(t)).toBe(2);

    const [newest, older] = listed;
    expect(await t.engine.api.dismissQuarantine({ ids: [newest?.id ?? ''] })).toEqual({ dismissed: 1, remaining: 1 });
    expect((await t.engine.api.quarantine(undefined)).map((entry) => entry.id)).toEqual([older?.id]);
    expect(await attention(t)).toBe(1);
    // the feed kept every readable change
    const feed = await t.engine.api.feed({});
    expect(feed.items.map((entry) => entry.changes.map((change) => change.field))).toEqual([
      ['inventory'],
      ['name', 'stockAvailability'],
      ['name', 'currentPrice', 'stockAvailability'],
    ]);
  });

  it('dismisses junk and an empty body all at once', async () => {
    const t = await start();
    await send(t, 'hello impact');
    await send(t, '');
    expect((await t.engine.api.quarantine(undefined)).map((entry) => entry.reason)).toHaveLength(2);
    expect(await attention(t)).toBe(2);

    expect(await t.engine.api.dismissQuarantine({})).toEqual({ dismissed: 2, remaining: 0 });
    expect(await t.engine.api.quarantine(undefined)).toEqual([]);
    expect(await attention(t)).toBe(0);
    expect(await t.engine.api.dismissQuarantine({ ids: ['99'] })).toEqual({ dismissed: 0, remaining: 0 });
  });

  it('keeps a dismissal across a restart: it is journaled', async () => {
    const t = await start();
    await send(t, 'hello impact');
    await t.engine.api.dismissQuarantine({});
    await t.close();
    test = await startEngine(temp.dir);
    expect(await test.engine.api.quarantine(undefined)).toEqual([]);
    expect(await attention(test)).toBe(0);
  });
});

describe('values that cannot be read, applied', () => {
  it('dismisses "all" up to the newest entry the user was shown: one quarantined after that stays', () => {
    const h = harness();
    h.postback('hello impact');
    h.postback('{"CatalogId":"7"}');
    const [shown] = h.store.quarantine.list();
    h.command({ kind: 'dismissQuarantine', through: shown?.seq ?? 0 });
    expect(h.store.quarantine.list().map((entry) => entry.raw.body)).toEqual(['{"CatalogId":"7"}']);
    expect(h.store.stats.quarantined).toBe(1);
  });

  it('names a stock word no list knows, and still records that something was sent', () => {
    const h = harness();
    h.postback({ CatalogId: '7', CatalogItemId: 'L-1', CurrentPrice: '5', StockAvailability: 'InStock' });
    h.postback({ CatalogId: '7', CatalogItemId: 'L-1', CurrentPrice: '4', StockAvailability: 'ask-the-shop' });
    expect(h.product('7:L-1')).toMatchObject({ currentPrice: 4, stockAvailability: 'Unknown' });
    expect(h.store.quarantine.list().map((entry) => entry.reason)).toEqual([
      'StockAvailability "ask-the-shop" is not a stock status',
    ]);
  });

  it('reads a value under another key of the same field without a complaint', () => {
    const h = harness();
    h.postback({ CatalogId: '7', CatalogItemId: 'L-1', CurrentPrice: 'n/a', price: '12.50' });
    expect(h.product('7:L-1')?.currentPrice).toBe(12.5);
    expect(h.store.quarantine.count()).toBe(0);
  });

  it('does not apply an applied entry again when re-processed; it leaves once every value reads', () => {
    const h = harness();
    h.postback({ CatalogId: '7', CatalogItemId: 'L-1', Name: 'Lamp', preis: 'abc', CurrentPrice: '9' });
    h.command({ kind: 'updateSettings', patch: { mapping: { preis: 'currentPrice' } } });
    expect(h.store.quarantine.list().map((entry) => entry.reason)).toEqual([]);
    h.postback({ CatalogId: '7', CatalogItemId: 'L-1', Name: 'Lamp', preis: 'abc' });
    expect(h.store.quarantine.list().map((entry) => entry.reason)).toEqual(['preis "abc" is not a price']);
    h.postback({ CatalogId: '7', CatalogItemId: 'L-1', Name: 'Lamp 2' }); // newer than the quarantined one
    expect(h.command({ kind: 'reprocessQuarantine' }).entries).toEqual([]);
    expect(h.store.quarantine.count()).toBe(1); // still unreadable
    h.command({ kind: 'updateSettings', patch: { mapping: {} } });
    expect(h.command({ kind: 'reprocessQuarantine' }).entries).toEqual([]);
    expect(h.store.quarantine.count()).toBe(0);
    expect(h.store.stats.quarantined).toBe(0);
    expect(h.product('7:L-1')?.name).toBe('Lamp 2'); // the older postback's name was not brought back
  });

  it('keeps the time a re-processed postback arrived, not the time it was re-processed', () => {
    const h = harness();
    h.postback({ katalog: '7', artikel: 'B-2', preis: '5,50' });
    h.advance(3 * 3_600_000);
    h.command({
      kind: 'updateSettings',
      patch: { mapping: { katalog: 'catalogId', artikel: 'catalogItemId', preis: 'currentPrice' } },
    });
    const [entry] = h.command({ kind: 'reprocessQuarantine' }).entries;
    expect(entry?.at).toBe(new Date(T0).toISOString());
    expect(h.feed().items[0]?.at).toBe(new Date(T0).toISOString());
  });
});
