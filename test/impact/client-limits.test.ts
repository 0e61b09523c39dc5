// impact.com's hourly limits, 429s and backoff, and the client's own limits (2 in flight, half of each hour's budget),
// all on the manual clock: hours of waiting run in moments and nothing here asserts on real time.
import { describe, expect, it } from 'vitest';
import { type GroupSchedule, ImpactApiError } from '../../main/engine/impact/index.js';
import { readRateHeaders } from '../../main/engine/impact/rate-headers.js';
import { request } from '../helpers/http.js';
import { ACME, impactTestBedPerTest } from './impact-setup.js';

const bed = impactTestBedPerTest();
const TEN_AM = Date.parse('2026-06-01T10:00:00Z');
const HOUR = 3_600_000;

describe('impact.com client: 429 and backoff', () => {
  it('waits as long as Retry-After says, then goes on', async () => {
    const { fake, client, clock } = bed();
    fake.injectFault({ type: 'status', status: 429, retryAfterSeconds: 700 });
    expect(await client().listCatalogs()).toHaveLength(2);
    expect(fake.requests.map((r) => r.status)).toEqual([429, 200]);
    expect(clock.sleeps).toEqual([700_000]);
    expect((fake.requests[1]?.at ?? 0) - (fake.requests[0]?.at ?? 0)).toBeGreaterThanOrEqual(700_000);
  });

  it('when another tool used up the hour, waits for the hour impact.com names', async () => {
    const { fake, client, clock } = bed();
    clock.setTime(TEN_AM + 20 * 60_000);
    fake.setHourlyLimit('other', 10);
    const basic = Buffer.from(`${fake.accountSid}:${fake.authToken}`).toString('base64');
    for (let i = 0; i < 10; i++) {
      await request(`${fake.url}/Mediapartners/${fake.accountSid}/Catalogs.json`, {
        headers: { authorization: `Basic ${basic}` },
      });
    }
    expect(await client().listCatalogs()).toHaveLength(2);
    expect(fake.requests.slice(10).map((r) => [r.status, r.at])).toEqual([
      [429, TEN_AM + 20 * 60_000],
      [200, TEN_AM + HOUR],
    ]);
  });

  it('backs off exponentially with jitter between half and all of each step, capped, for a bounded number of tries', async () => {
    const { fake, client, clock } = bed();
    for (let i = 0; i < 9; i++) fake.injectFault({ type: 'status', status: 503 });
    const randoms = [0, 0.999, 0.5, 0, 0.999, 0.25, 0, 0.999, 0.5];
    const error = await client({ maxAttempts: 9, random: () => randoms.shift() ?? 0 })
      .listCatalogs()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImpactApiError);
    expect(fake.requests).toHaveLength(9);
    expect(clock.sleeps).toHaveLength(8);
    clock.sleeps.forEach((delay, i) => {
      const step = Math.min(60_000, 1_000 * 2 ** i);
      expect(delay).toBeGreaterThanOrEqual(step / 2);
      expect(delay).toBeLessThanOrEqual(step);
    });
    expect(clock.sleeps.slice(0, 3)).toEqual([500, 1_999, 3_000]);
    expect(Math.max(...clock.sleeps)).toBeLessThanOrEqual(60_000);
  });

  it('reads both spellings of the rate-limit headers, case-insensitively', async () => {
    const { fake, client } = bed();
    const impact = client();
    expect(impact.rateLimit()).toBeNull();
    await impact.listCatalogs();
    expect(impact.rateLimit()).toEqual({ remaining: 999, resetAt: '2026-06-01T11:00:00.000Z' });
    fake.setRateHeaderStyle('plain');
    await impact.getItem({ catalogId: ACME, catalogItemId: 'ACME-TB-12' });
    expect(impact.rateLimit('product-search')).toEqual({ remaining: 2999, resetAt: '2026-06-01T11:00:00.000Z' });
    expect(impact.rateLimit()).toEqual(impact.rateLimit('product-search'));

    const now = TEN_AM;
    const epochReset = new Headers({
      'x-RATELIMIT-limit': '50',
      'X-RateLimit-Remaining': '7',
      'x-ratelimit-reset': String(now / 1000 + 90),
    });
    expect(readRateHeaders(epochReset, now)).toEqual({ limit: 50, remaining: 7, resetAt: now + 90_000 });
    const dated = new Headers({ 'Retry-After': new Date(now + 120_000).toUTCString() });
    expect(readRateHeaders(dated, now)).toEqual({ retryAt: now + 120_000 });
  });
});

describe('impact.com client: its own limits', () => {
  it('keeps at most 2 requests in flight', async () => {
    const { fake, client } = bed();
    fake.setLatency(25);
    const impact = client();
    const items = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 2 === 0 ? impact.getItem({ catalogId: ACME, catalogItemId: 'ACME-TB-12' }) : impact.getCatalog(ACME),
      ),
    );
    expect(items.every((item) => item !== null)).toBe(true);
    expect(fake.requests).toHaveLength(12);
    expect(fake.stats.maxInFlight).toBe(2);
  });

  it('fetches 3,000 items against a 1,000/h budget within half of each hour: never refused, schedule shown', async () => {
    const { fake, client, clock } = bed();
    fake.setHourlyLimit('product-search', 1000);
    for (let i = 0; i < 3000; i++)
      fake.putItem(ACME, { catalogItemId: `BULK-${i}`, name: `Bulk ${i}`, currentPrice: '1.00' });
    const schedules: GroupSchedule[] = [];
    const impact = client({
      sleep: (ms) => {
        schedules.push(impact.schedule()['product-search']);
        return clock.sleep(ms);
      },
    });
    expect(impact.schedule()['product-search']).toMatchObject({ used: 0, budget: 1500, queued: 0, nextAt: null });

    const items = await Promise.all(
      Array.from({ length: 3000 }, (_, i) =>
        impact.getItem({ catalogId: ACME, catalogItemId: `BULK-${i}`, apiId: `product_${ACME}_BULK-${i}` }),
      ),
    );

    expect(items.filter((item) => item !== null)).toHaveLength(3000);
    expect(fake.stats.refusedOverLimit).toBe(0);
    expect(fake.requests.filter((r) => r.status !== 200)).toEqual([]);
    const perHour = new Map<number, number>();
    for (const r of fake.requests)
      perHour.set(Math.floor(r.at / HOUR), (perHour.get(Math.floor(r.at / HOUR)) ?? 0) + 1);
    // Half of 1,000 is 500 an hour, of which background work leaves 50 for searches: 450 an hour.
    expect([...perHour.values()]).toEqual([450, 450, 450, 450, 450, 450, 300]);
    // The first wait: the hour's share is spent, the rest queued, the next batch at 11:00.
    expect(schedules[0]).toMatchObject({
      group: 'product-search',
      used: 450,
      budget: 500,
      reserved: 50,
      limit: 1000,
      queued: 2550,
      resetAt: '2026-06-01T11:00:00.000Z',
      nextAt: '2026-06-01T11:00:00.000Z',
    });
    expect(schedules.map((s) => s.nextAt)).toEqual(
      ['11', '12', '13', '14', '15', '16'].map((hour) => `2026-06-01T${hour}:00:00.000Z`),
    );
    expect(clock.now()).toBe(TEN_AM + 6 * HOUR);
  }, 120_000); // 3,000 real HTTP round trips: seconds on a loaded shared machine, never hours

  it('answers a search at once while background work waits hours for budget', async () => {
    const { fake, client, clock } = bed();
    fake.setHourlyLimit('product-search', 1000);
    for (let i = 0; i < 600; i++) fake.putItem(ACME, { catalogItemId: `BULK-${i}`, name: `Bulk ${i}` });
    let searchedAt: number | undefined;
    let found: string[] = [];
    const impact = client({
      sleep: async (ms) => {
        if (searchedAt === undefined) {
          // The reconcile has spent its share of the hour; the user searches now.
          found = (await impact.searchItems({ keyword: 'tent' })).items.map((item) => item.catalogItemId);
          searchedAt = clock.now();
        }
        return clock.sleep(ms);
      },
    });
    await Promise.all(
      Array.from({ length: 600 }, (_, i) => impact.getItem({ catalogId: ACME, catalogItemId: `BULK-${i}` })),
    );
    expect(found).toEqual(['BS-TENT-6P', 'ACME-TENT-2P']);
    expect(searchedAt).toBe(TEN_AM);
    expect(fake.requests.find((r) => r.path.endsWith('/ItemSearch'))?.at).toBe(TEN_AM);
    expect(fake.stats.refusedOverLimit).toBe(0);
  });
});
