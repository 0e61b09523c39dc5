// Replays the example postbacks (test/fixtures) in order, over real HTTP into a fresh data folder, through the server
// face, and checks what the receiver answered and what the UI API then shows: one feed entry and the right alerts
// for every transition, none for a repeat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../main/server/start.js';
import type { FeedPage } from '../../shared/contract/feed.js';
import type { ProductDetail } from '../../shared/contract/product.js';
import type { Status } from '../../shared/contract/status.js';
import { FLIP_WATCH, loadFixtures } from '../helpers/fixtures.js';
import { request } from '../helpers/http.js';
import { api, startTestServer, TEST_SECRET } from '../helpers/server.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const fixtures = loadFixtures();
const temp = makeTempDir();
let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer(temp.dir);
});
afterAll(async () => {
  await server.close();
  temp.remove();
});

async function appliedSeq(): Promise<number> {
  return (await api<Status>(server, '/api/status')).journal.appliedSeq;
}

async function waitForApplied(seq: number): Promise<void> {
  for (let i = 0; i < 200 && (await appliedSeq()) < seq; i++) await new Promise((r) => setTimeout(r, 10));
}

describe('fixtures replayed in order through the server face', () => {
  let acknowledged = 0;
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      if (fixture.name === 'flip-insert-lamp') {
        await api(server, '/api/watches', { method: 'POST', body: FLIP_WATCH });
        acknowledged++; // the watch is a journal record too
      }
      const before = await api<FeedPage>(server, '/api/feed?limit=1');
      const response = await request(
        `http://127.0.0.1:${server.receiverPort}${fixture.path.replace('{secret}', TEST_SECRET)}`,
        { method: fixture.method, headers: fixture.headers, body: fixture.body || undefined },
      );
      const expected = fixture.expect;
      expect(response.status).toBe(expected.status ?? 200);
      if (response.status !== 200) {
        expect(await api<FeedPage>(server, '/api/feed?limit=1')).toEqual(before);
        return;
      }
      await waitForApplied(++acknowledged);
      const status = await api<Status>(server, '/api/status');
      if (expected.test) {
        expect(status.receiver.testPostbackAt).not.toBeNull();
        expect((await api<FeedPage>(server, '/api/feed?limit=1')).total).toBe(before.total);
        return;
      }
      const key = expected.key as string;
      const { product } = await api<ProductDetail>(server, `/api/products/${encodeURIComponent(key)}`);
      for (const field of ['currentPrice', 'originalPrice', 'stockAvailability', 'inventory', 'removed'] as const) {
        if (field in expected) expect(product[field], field).toEqual(expected[field]);
      }
      const after = await api<FeedPage>(server, '/api/feed?limit=1');
      if (expected.repeat) {
        expect(after.total, 'a repeat makes no feed entry').toBe(before.total);
        return;
      }
      const entry = after.items[0];
      expect(after.total).toBe((before.total ?? 0) + 1);
      expect(entry?.key).toBe(key);
      if (expected.operation) expect(entry?.operation).toBe(expected.operation);
      if (expected.changes) expect(entry?.changes.map((change) => change.field)).toEqual(expected.changes);
      expect(entry?.isNew).toBe(expected.isNew === true);
      if (expected.alerts) expect(entry?.alerts.map((alert) => alert.kind)).toEqual(expected.alerts);
    });
  }

  it('counts every acknowledged postback and quarantines none of the fixtures', async () => {
    const status = await api<Status>(server, '/api/status');
    expect(status.receiver.received).toBe(fixtures.filter((fixture) => !fixture.expect.status).length);
    expect(status.receiver.quarantined).toBe(0);
    expect(status.receiver.duplicates).toBe(fixtures.filter((fixture) => fixture.expect.repeat).length);
  });
});
