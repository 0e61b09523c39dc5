// A catch-up check killed with kill -9 midway (the built server face in a child process, the fake Partner API in
// this one): what it journaled before the kill is applied after the restart, and checking again repeats nothing —
// one 'api' entry per changed item, whatever was fetched twice.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedEntry, FeedPage } from '../../shared/contract/feed.js';
import type { Status } from '../../shared/contract/status.js';
import type { ServeChild } from '../e2e/serve-child.js';
import { type FakeImpactApi, startFakeImpactApi } from '../fakes/impact-api.js';
import { postJson } from '../helpers/http.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { until } from '../helpers/until.js';
import { adminApi, freePorts, HUB_SECRET, type HubPorts, startHub } from '../hub/hub-child.js';

const ITEMS = 120;
const CATALOG = '24836';

describe('kill -9 during a catch-up check', () => {
  const temp = makeTempDir('shelfwatch-reconcile-kill-');
  let fake: FakeImpactApi;
  let ports: HubPorts;
  let hub: ServeChild;
  const start = () =>
    startHub(path.join(temp.dir, 'data'), ports, [], {
      SHELFWATCH_IMPACT_API_BASE: fake.url,
      SHELFWATCH_IMPACT_SID: fake.accountSid,
      SHELFWATCH_IMPACT_TOKEN: fake.authToken,
    });
  const status = () => adminApi<Status>(ports, '/api/status');

  beforeAll(async () => {
    fake = await startFakeImpactApi();
    const items = Array.from({ length: ITEMS }, (_, i) => ({
      catalogItemId: `ITEM-${i}`,
      name: `Item ${i}`,
      currentPrice: '20.00',
      stockAvailability: 'InStock',
    }));
    fake.seedCatalog({ id: CATALOG, name: 'Acme', advertiserName: 'Acme Outdoor', campaignId: '4521', items });
    fake.setLatency(25); // a check that takes a few seconds, so the kill lands inside it
    ports = await freePorts();
    // No account yet: with one, each new watch would fetch its item at once (baseline-on-watch.test.ts), and the
    // check killed here must be the one that finds every change.
    hub = await startHub(path.join(temp.dir, 'data'), ports);
  }, 120_000);
  afterAll(async () => {
    await hub?.stop();
    await fake?.close();
    temp.remove();
  });

  it('loses nothing journaled and repeats nothing', async () => {
    for (let i = 0; i < ITEMS; i++) {
      const target = { catalogId: CATALOG, catalogItemId: `ITEM-${i}` };
      await adminApi(ports, '/api/watches', { method: 'POST', body: { target, rules: [{ kind: 'price-change' }] } });
      const receiver = `http://127.0.0.1:${ports.receiver}/postback/${HUB_SECRET}`;
      await postJson(receiver, { CatalogId: CATALOG, CatalogItemId: `ITEM-${i}`, CurrentPrice: '25.00' });
    }
    await until('the postbacks', async () => (await status()).receiver.received === ITEMS);
    await hub.stop();
    hub = await start(); // now with the account
    await adminApi(ports, '/api/reconcile', { method: 'POST', body: {} });
    await until('part of the check', async () => ((await status()).reconcile?.checked ?? 0) >= ITEMS / 3);
    process.kill(hub.pid, 'SIGKILL');
    await hub.stop();

    hub = await start();
    await adminApi(ports, '/api/reconcile', { method: 'POST', body: {} });
    await until('the second check', async () => {
      const reconcile = (await status()).reconcile;
      return reconcile?.running === false && reconcile.checked === ITEMS;
    });
    const found = (await wholeFeed()).filter((entry) => entry.source === 'api');
    expect(found.map((entry) => entry.product.catalogItemId).sort()).toEqual(
      Array.from({ length: ITEMS }, (_, i) => `ITEM-${i}`).sort(),
    );
    expect(found.every((entry) => entry.product.currentPrice === 20)).toBe(true);
  }, 180_000);

  async function wholeFeed(): Promise<FeedEntry[]> {
    const entries: FeedEntry[] = [];
    for (let before = ''; ; ) {
      const page = await adminApi<FeedPage>(ports, `/api/feed?limit=200${before ? `&before=${before}` : ''}`);
      entries.push(...page.items);
      if (!page.next) return entries;
      before = page.next;
    }
  }
});
