// Issue 16, item 7: the catch-up check walks a watched catalog page by page through impact.com's next-page links.
// A link that repeats, or pages that never end, must end the check with an error the user sees (status line, log)
// within a bounded number of requests, and mark nothing removed on the strength of a list it could not finish.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maxPagesFor } from '../../main/engine/impact/index.js';
import { openEngine } from '../../main/engine/index.js';
import type { Engine } from '../../main/engine/types.js';
import { type FakeImpactApi, startFakeImpactApi } from '../fakes/impact-api.js';
import { type ManualClock, manualClock } from '../fakes/manual-clock.js';
import { postJson } from '../helpers/http.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { until } from '../helpers/until.js';
import { captureLog } from '../reliability/helpers/capture-log.js';
import { ACME, fakeImpact, seedAcme } from './impact-engine.js';

const SECRET = 'paging-test-secret-0123456789';

describe('the catch-up check of a watched catalog whose pages do not end', () => {
  let temp = makeTempDir('shelfwatch-paging-');
  let fake: FakeImpactApi;
  let clock: ManualClock;
  let engine: Engine;
  let log: ReturnType<typeof captureLog>;

  const itemRequests = () => fake.requests.filter((request) => request.path.endsWith(`/Catalogs/${ACME}/Items`));
  const check = async () => {
    await engine.api.reconcile({});
    await until('the check to end', async () => !(await engine.api.status(undefined)).reconcile?.running);
    return (await engine.api.status(undefined)).reconcile;
  };
  const gone = async () => (await engine.api.product({ key: `${ACME}:GONE-1` })).product.removed;

  beforeEach(async () => {
    temp = makeTempDir('shelfwatch-paging-');
    clock = manualClock();
    log = captureLog();
    fake = await startFakeImpactApi({ now: clock.now });
    seedAcme(
      fake,
      ['TENT', 'LAMP', 'STOVE'].map((id) => ({ catalogItemId: id, name: id, currentPrice: '10.00' })),
    );
    engine = await openEngine({
      dataDir: temp.dir,
      secret: SECRET,
      receiverPort: 0,
      log,
      impact: fakeImpact(fake, clock),
    });
    const { postbackUrl } = await engine.startReceiver();
    await engine.api.connectImpactAccount({ accountSid: fake.accountSid, authToken: fake.authToken });
    await engine.api.createWatch({ target: { catalogId: ACME }, rules: [{ kind: 'removed' }] });
    // a product postbacks told of, which impact.com's catalog no longer lists: a finished walk marks it removed
    await postJson(postbackUrl, { CatalogId: ACME, CatalogItemId: 'GONE-1', Name: 'Old lamp', CurrentPrice: '9' });
    await until('the postback', async () => (await engine.api.feed({ limit: 1 })).total === 1);
  });
  afterEach(async () => {
    await engine.close();
    await fake.close();
    temp.remove();
  });

  it('honest pages: the walk ends by itself and marks the product it no longer lists removed', async () => {
    fake.setPaging('honest');
    expect(await check()).toMatchObject({ error: null, checked: 3 });
    expect(await gone()).toBe(true);
  });

  it('a next-page link that repeats: the check stops with an error after two requests, nothing marked removed', async () => {
    fake.setPaging('repeat');
    const status = await check();
    expect(status?.error).toBe(
      `impact.com's list of the items of catalog ${ACME} sent a next-page link it had sent before (after 2 pages)`,
    );
    expect(itemRequests()).toHaveLength(2);
    expect(log.lines.filter((line) => line.includes('the catch-up check stopped'))).toEqual([
      `warn impact.com: the catch-up check stopped ${JSON.stringify({ error: status?.error })}`,
    ]);
    expect(await gone()).toBe(false);
  });

  it('pages that never end: the check stops at the most pages the catalog’s item count allows', async () => {
    fake.setPaging('endless');
    const status = await check();
    const bound = maxPagesFor(3);
    expect(bound).toBe(11);
    expect(status?.error).toBe(
      `impact.com's list of the items of catalog ${ACME} went on past ${bound} pages, more than it can have`,
    );
    expect(itemRequests()).toHaveLength(bound);
    expect(await gone()).toBe(false);
  });
});

describe('the most pages a list may take', () => {
  it('is its item count at 100 a page (impact.com sends up to 200) and 10 more; without a count, 5,000', () => {
    expect(maxPagesFor(0)).toBe(10);
    expect(maxPagesFor(20_000)).toBe(210);
    expect(maxPagesFor(null)).toBe(5_000);
    expect(maxPagesFor(10_000_000)).toBe(5_000);
  });
});
