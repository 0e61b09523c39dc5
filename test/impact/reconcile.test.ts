// Issue 12, engine side, against the fake Partner API over HTTP: connecting an account, brand names, search to
// watch, and the catch-up check after downtime — the right feed entries and alerts, marked 'api', and nothing more
// when a postback later says the same; 3,000 watched items within a 1,000/h budget without one refusal; and the
// Auth Token nowhere in the data folder, the log or an answer.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEngine } from '../../main/engine/index.js';
import type { Engine } from '../../main/engine/types.js';
import type { FeedEntry } from '../../shared/contract/feed.js';
import { type FakeImpactApi, startFakeImpactApi } from '../fakes/impact-api.js';
import { type ManualClock, manualClock } from '../fakes/manual-clock.js';
import { postJson } from '../helpers/http.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { until } from '../helpers/until.js';
import { captureLog } from '../reliability/helpers/capture-log.js';
import { ACME, fakeImpact, seedAcme } from './impact-engine.js';

const SECRET = 'impact-test-secret-0123456789';

async function allFeed(engine: Engine): Promise<FeedEntry[]> {
  const entries: FeedEntry[] = [];
  for (let before: string | undefined; ; ) {
    const page = await engine.api.feed({ limit: 200, before });
    entries.push(...page.items);
    if (!page.next) return entries;
    before = page.next;
  }
}

describe('the impact.com account in the engine', () => {
  let temp = makeTempDir('shelfwatch-impact-');
  let fake: FakeImpactApi;
  let clock: ManualClock;
  let engine: Engine;
  let receiverPort: number;
  const log = captureLog();

  const open = async () => {
    engine = await openEngine({
      dataDir: temp.dir,
      secret: SECRET,
      receiverPort: 0,
      log,
      impact: fakeImpact(fake, clock),
    });
    receiverPort = (await engine.startReceiver()).port;
  };
  const postback = (body: object) => postJson(`http://127.0.0.1:${receiverPort}/postback/${SECRET}`, body);
  const connect = () => engine.api.connectImpactAccount({ accountSid: fake.accountSid, authToken: fake.authToken });

  beforeEach(async () => {
    temp = makeTempDir('shelfwatch-impact-');
    clock = manualClock();
    fake = await startFakeImpactApi({ now: clock.now });
    seedAcme(fake, [
      { catalogItemId: 'TENT-2P', name: 'Acme 2-person tent', currentPrice: '199.99', stockAvailability: 'InStock' },
      { catalogItemId: 'LAMP', name: 'Camp lamp', currentPrice: '25.00', stockAvailability: 'InStock' },
      { catalogItemId: 'STOVE', name: 'Camp stove', currentPrice: '80.00', stockAvailability: 'InStock' },
    ]);
    await open();
  });
  afterEach(async () => {
    await engine.close();
    await fake.close();
    temp.remove();
  });

  it('refuses wrong credentials in plain words and connects with the right ones', async () => {
    await expect(
      engine.api.connectImpactAccount({ accountSid: fake.accountSid, authToken: 'wrong-token-123' }),
    ).rejects.toMatchObject({
      status: 400,
      message: 'impact.com refused these credentials.',
    });
    const account = await connect();
    expect(account).toMatchObject({ accountSid: fake.accountSid, connected: true });
    expect((await engine.api.listCatalogs(undefined)).map((catalog) => catalog.advertiserName)).toEqual([
      'Acme Outdoor',
    ]);
    const disconnected = await engine.api.disconnectImpactAccount(undefined);
    expect(disconnected).toMatchObject({ accountSid: null, connected: false });
  });

  it('finds items to watch, says which are watched, and names the brand on products', async () => {
    await connect();
    const found = await engine.api.searchCatalog({ q: 'tent' });
    expect(found.items.map((item) => [item.catalogItemId, item.brandName, item.watched])).toEqual([
      ['TENT-2P', 'Acme Outdoor', false],
    ]);
    await engine.api.createWatch({
      target: { catalogId: ACME, catalogItemId: 'TENT-2P' },
      rules: [{ kind: 'price-change' }],
    });
    // a new watch fetches its item's state at once (baseline-on-watch.test.ts): let it land before the postback
    await until('the watch’s first fetch', async () => !(await engine.api.status(undefined)).reconcile?.running);
    expect((await engine.api.searchCatalog({ q: 'tent' })).items[0]?.watched).toBe(true);
    await postback({ CatalogId: ACME, CatalogItemId: 'TENT-2P', CurrentPrice: '199.99', Name: 'Acme 2-person tent' });
    await until('the postback applied', async () => (await allFeed(engine)).length === 1);
    const { product } = await engine.api.product({ key: `${ACME}:TENT-2P` });
    expect(product).toMatchObject({ brandName: 'Acme Outdoor', catalogName: 'Acme Outdoor Official Catalog' });
    expect((await engine.api.feed({ q: 'acme' })).items).toHaveLength(1); // the brand finds its products too
  });

  it('catches up after downtime: the right entries and alerts, marked api; a later postback saying the same adds nothing', async () => {
    await connect();
    for (const id of ['TENT-2P', 'LAMP', 'STOVE']) {
      await engine.api.createWatch({
        target: { catalogId: ACME, catalogItemId: id },
        rules: [{ kind: 'price-change' }, { kind: 'out-of-stock' }, { kind: 'removed' }],
      });
      await postback({ CatalogId: ACME, CatalogItemId: id, Operation: 'Insert' });
    }
    await engine.api.reconcile({}); // learns the starting values and the API ids
    await until('the first check', async () => !(await engine.api.status(undefined)).reconcile?.running);
    const before = (await allFeed(engine)).length;

    // postbacks stop; impact.com's data changes meanwhile
    fake.changeItem(ACME, 'TENT-2P', { currentPrice: '149.99' });
    fake.changeItem(ACME, 'LAMP', { stockAvailability: 'OutofStock' });
    fake.deleteItem(ACME, 'STOVE');
    expect(await engine.api.reconcile({})).toEqual({ total: 3 });
    await until('the check', async () => !(await engine.api.status(undefined)).reconcile?.running);
    await until('its entries', async () => (await allFeed(engine)).length === before + 3);

    const found = (await allFeed(engine)).slice(0, 3);
    expect(found.every((entry) => entry.source === 'api')).toBe(true);
    const byItem = Object.fromEntries(found.map((entry) => [entry.product.catalogItemId, entry]));
    expect(byItem['TENT-2P']?.alerts.map((alert) => alert.kind)).toEqual(['price-change']);
    expect(byItem.LAMP?.alerts.map((alert) => alert.kind)).toEqual(['out-of-stock']);
    expect(byItem.STOVE?.alerts.map((alert) => alert.kind)).toEqual(['removed']);
    const status = await engine.api.status(undefined);
    expect(status.reconcile).toMatchObject({ running: false, checked: 3, changed: 3, failed: 0, error: null });

    // impact.com's postback arrives late, with the values the check already recorded: a repeat
    await postback({ CatalogId: ACME, CatalogItemId: 'TENT-2P', CurrentPrice: '149.99', Name: 'Acme 2-person tent' });
    await until('the postback counted', async () => (await engine.api.status(undefined)).receiver.duplicates >= 1);
    expect((await allFeed(engine)).length).toBe(before + 3);
  });

  it('checks an item watched while a check runs in that same check', async () => {
    await connect();
    fake.setLatency(200); // the check (here, the first watch's own fetch) is still running when the second comes
    await engine.api.createWatch({
      target: { catalogId: ACME, catalogItemId: 'TENT-2P' },
      rules: [{ kind: 'price-change' }],
    });
    expect(await engine.api.reconcile({})).toEqual({ total: 1 });
    await engine.api.createWatch({
      target: { catalogId: ACME, catalogItemId: 'LAMP' },
      rules: [{ kind: 'price-change' }],
    });
    expect(await engine.api.reconcile({ keys: [`${ACME}:LAMP`] })).toEqual({ total: 2 });
    await until('the check', async () => !(await engine.api.status(undefined)).reconcile?.running);
    expect((await engine.api.status(undefined)).reconcile).toMatchObject({ checked: 2, total: 2 });
    expect((await engine.api.product({ key: `${ACME}:LAMP` })).product.currentPrice).toBe(25);
  });

  it('checks 3,000 watched items within a 1,000/h budget: none refused by impact.com, the schedule shown', async () => {
    fake.setHourlyLimit('product-search', 1_000);
    const items = Array.from({ length: 3_000 }, (_, i) => ({
      catalogItemId: `BULK-${i}`,
      name: `Bulk ${i}`,
      currentPrice: '10.00',
      stockAvailability: 'InStock',
    }));
    fake.seedCatalog({ id: '31001', name: 'Bulk', advertiserName: 'Bulk Co', campaignId: '7788', items });
    await connect();
    await Promise.all(
      items.map((item) =>
        engine.api.createWatch({
          target: { catalogId: '31001', catalogItemId: item.catalogItemId },
          rules: [{ kind: 'price-change' }],
        }),
      ),
    );
    const batches = new Set<string>();
    engine.subscribe((event) => {
      const next = event.type === 'status' ? event.status.reconcile : null;
      if (next?.running && next.nextAt && Date.parse(next.nextAt) > clock.now()) batches.add(next.nextAt.slice(0, 13));
    });
    expect(await engine.api.reconcile({})).toEqual({ total: 3_000 });
    await until('the whole check', async () => !(await engine.api.status(undefined)).reconcile?.running, 120_000);
    expect(batches.size).toBeGreaterThan(0); // "next batch at …" was shown while the budget held requests back
    expect((await engine.api.status(undefined)).reconcile).toMatchObject({ checked: 3_000, failed: 0, error: null });
    expect(fake.stats.refusedOverLimit).toBe(0);
    expect(clock.now() - Date.parse('2026-06-01T10:00:00Z')).toBeGreaterThan(4 * 3_600_000); // spread over hours
  }, 180_000);

  it('never lets the Auth Token into the data folder’s journal and store, the log, or an answer', async () => {
    await connect();
    await engine.api.createWatch({
      target: { catalogId: ACME, catalogItemId: 'LAMP' },
      rules: [{ kind: 'price-change' }],
    });
    await engine.api.reconcile({});
    await until('the check', async () => !(await engine.api.status(undefined)).reconcile?.running);
    const answers = JSON.stringify([await engine.api.getImpactAccount(undefined), await engine.api.status(undefined)]);
    await engine.close();
    expect(answers).not.toContain(fake.authToken);
    expect(log.lines.join('\n')).not.toContain(fake.authToken);
    const holding = filesUnder(temp.dir).filter((file) => fs.readFileSync(file).includes(fake.authToken));
    // only the credentials file (0600), never the journal, the database or the documents
    expect(holding.map((file) => path.relative(temp.dir, file))).toEqual(['impact-account.json']);
    expect(fs.statSync(path.join(temp.dir, 'impact-account.json')).mode & 0o077).toBe(0);
    await open(); // afterEach closes it
  });
});

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}
