// Event semantics: repeated deliveries (concurrent or not) make one feed change and at most one alert (P3);
// postbacks carry no timestamp, so arrival order decides; a 10,000-item burst becomes one digest notification.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AlertDigest } from '../../main/desktop/alert-digest.js';
import type { NotificationText } from '../../main/desktop/notification-text.js';
import type { UiEvent } from '../../shared/contract/events.js';
import { alertEntry } from '../fakes/alert-entries.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { allFeed, counts, productOrNull, settled, startEngine, type TestEngine } from './helpers/engine-harness.js';
import { itemJson, post } from './helpers/postbacks.js';

let temp = makeTempDir('shelfwatch-events-');
let now = Date.parse('2025-03-01T12:00:00Z');
let test: TestEngine;
let alertEvents: number;

beforeEach(async () => {
  test = await startEngine(temp.dir, { clock: () => now });
  alertEvents = 0;
  test.engine.subscribe((event: UiEvent) => {
    if (event.type === 'alert') alertEvents += event.entries.reduce((sum, entry) => sum + entry.alerts.length, 0);
  });
  await test.engine.api.createWatch({
    target: { catalogId: '77', catalogItemId: 'DUP-1' },
    rules: [{ kind: 'price-below', value: 50 }],
  });
});
afterEach(async () => {
  await test.close();
  temp.remove();
  temp = makeTempDir('shelfwatch-events-');
});

const alertsIn = async () => (await allFeed(test.engine)).reduce((sum, entry) => sum + entry.alerts.length, 0);

describe('repeated deliveries', () => {
  it('the same postback 100 times concurrently: 100 × 200, one feed entry, one alert', async () => {
    const body = itemJson('DUP-1', { price: '19.99' });
    const statuses = await Promise.all(Array.from({ length: 100 }, () => post(test, body)));
    expect(statuses.flat()).toEqual(Array(100).fill(200));
    const after = await counts(test);
    expect(after).toMatchObject({ records: 101, feed: 1, duplicates: 99, received: 100 });
    expect(await alertsIn()).toBe(1);
    expect(alertEvents).toBe(1);
  });

  it('the same postback 100 times one after another: one feed entry, one alert', async () => {
    const body = itemJson('DUP-1', { price: '19.99' });
    for (let i = 0; i < 100; i++) expect(await post(test, body)).toEqual([200]);
    expect(await counts(test)).toMatchObject({ feed: 1, duplicates: 99 });
    expect(await alertsIn()).toBe(1);
  });

  it('a re-delivery hours later changes nothing: still one feed entry, one alert, counted as a repeat', async () => {
    const body = itemJson('DUP-1', { price: '19.99' });
    await post(test, body);
    now += 3 * 3_600_000;
    await post(test, body);
    expect(await counts(test)).toMatchObject({ feed: 1, duplicates: 1, received: 2 });
    expect(await alertsIn()).toBe(1);
  });

  it('a byte-identical body after the item changed in between is a real change (a flip back)', async () => {
    const inStock = itemJson('FLIP-1', { price: '19.99' });
    await post(test, inStock);
    await post(test, itemJson('FLIP-1', { price: '17.99' }));
    await post(test, inStock);
    await settled(test.engine, temp.dir);
    expect(await counts(test)).toMatchObject({ feed: 3, duplicates: 0, received: 3 });
    expect((await productOrNull(test.engine, '77:FLIP-1'))?.currentPrice).toBe(19.99);
  });
});

describe('ordering', () => {
  it('postbacks carry no timestamp, so arrival order wins: an "older" update arriving after a newer one is applied last', async () => {
    await post(test, itemJson('ORD-1', { price: '10.00' })); // the newer state, delivered first
    await post(test, itemJson('ORD-1', { price: '20.00' })); // an older state, delivered late
    await settled(test.engine, temp.dir);
    const product = await productOrNull(test.engine, '77:ORD-1');
    expect(product?.currentPrice).toBe(20);
    const [latest] = await allFeed(test.engine);
    expect(latest?.changes).toContainEqual({ field: 'currentPrice', from: 10, to: 20 });
  });

  it('a clock running backwards does not reorder: the feed follows the journal sequence', async () => {
    await post(test, itemJson('CLK-1', { price: '10.00' }));
    now -= 365 * 86_400_000;
    await post(test, itemJson('CLK-1', { price: '11.00' }));
    now += 10 * 365 * 86_400_000;
    await post(test, itemJson('CLK-1', { price: '12.00' }));
    await settled(test.engine, temp.dir);
    const feed = await allFeed(test.engine);
    expect(feed.map((entry) => entry.seq)).toEqual([...feed.map((entry) => entry.seq)].sort((a, b) => b - a));
    expect((await productOrNull(test.engine, '77:CLK-1'))?.currentPrice).toBe(12);
  });
});

describe('a burst of 10,000 distinct alerting items', () => {
  it('becomes one digest notification, not 10,000', () => {
    const shown: NotificationText[] = [];
    const timers: (() => void)[] = [];
    const digest = new AlertDigest({
      settings: { enabled: true, digestWindowSeconds: 10, quietHours: null, alertsPausedUntil: null },
      show: (text) => shown.push(text),
      clock: () => now,
      timers: { set: (callback) => timers.push(callback), clear: () => {} },
    });
    // The engine emits alert events in batches as it applies; 100 events of 100 entries each.
    for (let batch = 0; batch < 100; batch++) {
      digest.push(Array.from({ length: 100 }, (_, i) => alertEntry(`9:burst-${batch * 100 + i}`)));
    }
    expect(shown).toEqual([]);
    for (const fire of timers.splice(0)) fire();
    expect(shown).toHaveLength(1);
    expect(shown[0]?.title).toBe('10000 watched products changed');
    expect(shown[0]?.body).toBe('10000 from catalog 9');
  });
});
