// Issue 16, item 8: a watch made by catalog and item id (the Add form, the UI API, a paired device) fetches the item's
// current state from impact.com at once when an account is connected, in the engine, through the journal as the
// catch-up check does. Then the first change after watching is a change, and raises its alert (back in stock),
// instead of being the product's first sighting ("New"), which alerts nothing.
import type http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEngine } from '../../main/engine/index.js';
import type { Engine } from '../../main/engine/types.js';
import { createUiApp } from '../../main/server/ui-app.js';
import type { FeedEntry } from '../../shared/contract/feed.js';
import { type FakeImpactApi, startFakeImpactApi } from '../fakes/impact-api.js';
import { type ManualClock, manualClock } from '../fakes/manual-clock.js';
import { postJson, request } from '../helpers/http.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { until } from '../helpers/until.js';
import { ACME, fakeImpact, seedAcme } from './impact-engine.js';

const SECRET = 'baseline-secret-0123456789';
const TOKEN = 'baseline-token-0123456789';
const quiet = { info() {}, warn() {}, error() {} };

describe('a new watch with an impact.com account connected', () => {
  let temp = makeTempDir('shelfwatch-baseline-');
  let fake: FakeImpactApi;
  let clock: ManualClock;
  let engine: Engine;
  let ui: http.Server;
  let postbackUrl: string;

  const itemFetches = (item: string) => fake.requests.filter((request) => request.url.includes(item)).length;
  const newest = async (): Promise<FeedEntry | undefined> => (await engine.api.feed({ limit: 1 })).items[0];
  const watchOverHttp = async (target: object) => {
    const { port } = ui.address() as { port: number };
    const answer = await request(`http://127.0.0.1:${port}/api/watches`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ target, rules: [{ kind: 'back-in-stock' }] }),
    });
    expect(answer.status).toBe(200);
  };

  beforeEach(async () => {
    temp = makeTempDir('shelfwatch-baseline-');
    clock = manualClock();
    fake = await startFakeImpactApi({ now: clock.now });
    seedAcme(fake, [
      { catalogItemId: 'LAMP', name: 'Camp lamp', currentPrice: '25.00', stockAvailability: 'OutofStock' },
      { catalogItemId: 'STOVE', name: 'Camp stove', currentPrice: '80.00', stockAvailability: 'OutofStock' },
    ]);
    engine = await openEngine({
      dataDir: temp.dir,
      secret: SECRET,
      uiToken: TOKEN,
      receiverPort: 0,
      impact: fakeImpact(fake, clock),
    });
    postbackUrl = (await engine.startReceiver()).postbackUrl;
    ui = createUiApp(engine, { rendererDir: path.join(temp.dir, 'no-ui'), log: quiet }).listen(0, '127.0.0.1');
    await new Promise((resolve) => ui.once('listening', resolve));
  });
  afterEach(async () => {
    await new Promise((resolve) => ui.close(resolve));
    await engine.close();
    await fake.close();
    temp.remove();
  });

  const connect = () => engine.api.connectImpactAccount({ accountSid: fake.accountSid, authToken: fake.authToken });

  it('made through the UI API by ids: the item is fetched, and its first back-in-stock alerts', async () => {
    await connect();
    await watchOverHttp({ catalogId: ACME, catalogItemId: 'LAMP' });
    await until('the item fetched', async () => (await newest())?.product.catalogItemId === 'LAMP');
    expect(itemFetches('LAMP')).toBe(1);
    expect(await newest()).toMatchObject({ source: 'api', isNew: true, alerts: [] });
    expect((await engine.api.product({ key: `${ACME}:LAMP` })).product.stockAvailability).toBe('OutOfStock');

    await postJson(postbackUrl, { CatalogId: ACME, CatalogItemId: 'LAMP', StockAvailability: 'InStock' });
    await until('the postback', async () => (await newest())?.source === 'postback');
    expect((await newest())?.alerts.map((alert) => alert.kind)).toEqual(['back-in-stock']);
  });

  it('made by a paired device: the same', async () => {
    await connect();
    await engine.apiFor('phone').createWatch({
      target: { catalogId: ACME, catalogItemId: 'STOVE' },
      rules: [{ kind: 'back-in-stock' }],
    });
    await until('the item fetched', async () => (await newest())?.product.catalogItemId === 'STOVE');
    await postJson(postbackUrl, { CatalogId: ACME, CatalogItemId: 'STOVE', StockAvailability: 'InStock' });
    await until('the postback', async () => (await newest())?.source === 'postback');
    expect((await newest())?.alerts.map((alert) => alert.kind)).toEqual(['back-in-stock']);
  });

  it('without an account nothing is fetched, and the first postback is only the product’s first sighting', async () => {
    await watchOverHttp({ catalogId: ACME, catalogItemId: 'LAMP' });
    await postJson(postbackUrl, { CatalogId: ACME, CatalogItemId: 'LAMP', StockAvailability: 'InStock' });
    await until('the postback', async () => (await newest()) !== undefined);
    expect(await newest()).toMatchObject({ source: 'postback', isNew: true, alerts: [] });
    expect(fake.requests).toEqual([]);
  });

  it('a watch on a whole catalog fetches nothing at once: the 6-hourly check lists it', async () => {
    await connect();
    const before = fake.requests.length;
    await watchOverHttp({ catalogId: ACME });
    expect((await engine.api.status(undefined)).reconcile?.running).toBe(false);
    expect(fake.requests.length).toBe(before);
  });
});
