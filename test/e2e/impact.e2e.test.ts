// Issue 12, end to end: the built UI in Chromium against the real server face, which talks to the fake Partner API
// (test/fakes/impact-api.ts) on loopback. A partner connects the account in Settings, searches "tent", watches a
// result, the brand drops its price while no postback says so, "Check now" finds it: an alert marked "found on
// check", under the brand's name. The steps share one tab and one server and run in order.
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeImpactApi, startFakeImpactApi } from '../fakes/impact-api.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { type BrowserSession, CHROMIUM, LIVE_MS, openBrowser, SKIP_REASON } from './browser.js';
import { ensureBuilt } from './build.js';
import { fileName, publishScreenshots, SCREENSHOT_DIR, type View } from './screenshots.js';
import { type ServeChild, startServeChild } from './serve-child.js';
import { shootView } from './shoot.js';

const SECRET = 'e2e-impact-secret-0123456789';
const TOKEN = 'e2e-impact-token-0123456789';
/** live updates arrive within milliseconds; the slack is for a loaded 2-core CI machine */
const CATALOG = '24836';
/** product pictures from the brand's image host, answered by the test (nothing may leave the machine) */
const IMAGE_HOST = 'https://img.acme-outdoor.test';

const tentPicture = (colour: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect width="48" height="48" fill="#eef2ea"/>` +
  `<path d="M6 40 L24 8 L42 40 Z" fill="${colour}"/><path d="M20 40 L24 28 L28 40 Z" fill="#2b2b2b"/></svg>`;

function seedBrands(fake: FakeImpactApi): void {
  fake.seedCatalog({
    id: CATALOG,
    name: 'Tents & Shelters',
    advertiserName: 'Acme Outdoor',
    campaignId: '4521',
    items: [
      { catalogItemId: 'STOVE-1', name: 'Camp Stove', currentPrice: '59.50', stockAvailability: 'InStock' },
      {
        catalogItemId: 'TENT-1P',
        name: 'Solo Tent 1P',
        currentPrice: '179.00',
        stockAvailability: 'OutofStock',
        imageUrl: `${IMAGE_HOST}/tent-1p.svg`,
      },
      {
        catalogItemId: 'TENT-4P',
        name: 'Basecamp Tent 4P',
        currentPrice: '399.00',
        stockAvailability: 'InStock',
        imageUrl: `${IMAGE_HOST}/tent-4p.svg`,
      },
      {
        catalogItemId: 'TENT-2P',
        name: 'Trail Tent 2P',
        currentPrice: '249.00',
        originalPrice: '299.00',
        stockAvailability: 'InStock',
        imageUrl: `${IMAGE_HOST}/tent-2p.svg`,
      },
    ],
  });
  fake.seedCatalog({
    id: '9001',
    name: 'Bikes',
    advertiserName: 'Velo Co',
    campaignId: '77',
    items: [{ catalogItemId: 'GRAVEL-1', name: 'Gravel Bike', currentPrice: '1299.00', stockAvailability: 'InStock' }],
  });
}

describe.skipIf(!CHROMIUM)(`the impact.com account, search and catch-up check in Chromium${SKIP_REASON}`, () => {
  const temp = makeTempDir('shelfwatch-e2e-impact-');
  const taken: View[] = [];
  let fake: FakeImpactApi;
  let server: ServeChild | undefined;
  let browser: BrowserSession | undefined;
  let page: Page;

  const nav = () => page.getByRole('navigation', { name: 'Main' });
  const text = (locator: Locator) => locator.textContent().then((value) => value?.trim() ?? null);
  const shoot = async (view: View) => {
    await shootView(page, view);
    taken.push(view);
  };

  beforeAll(async () => {
    ensureBuilt();
    fake = await startFakeImpactApi();
    seedBrands(fake);
    server = await startServeChild({
      dataDir: path.join(temp.dir, 'data'),
      secret: SECRET,
      uiToken: TOKEN,
      env: { SHELFWATCH_IMPACT_API_BASE: fake.url },
    });
    browser = await openBrowser(path.join(temp.dir, 'profile'));
    page = browser.page;
    // Registered after the browser's block-everything-else route, so it answers first (Playwright's last wins).
    await browser.context.route(`${IMAGE_HOST}/**`, (route) => {
      const colour = route.request().url().includes('4p') ? '#c2692b' : '#3f7d4e';
      return route.fulfill({ contentType: 'image/svg+xml', body: tentPicture(colour) });
    });
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await fake?.close();
    temp.remove();
    publishScreenshots(['account', 'search']);
  });

  it('1. connects the account in Settings: a wrong token is refused in plain words, the right one says connected', async () => {
    await page.goto(server?.uiUrl ?? '');
    await nav().getByRole('link', { name: 'Settings' }).click();
    const account = page.getByRole('group', { name: 'impact.com account' });
    await account.getByRole('textbox', { name: 'Account SID' }).fill(fake.accountSid);
    await account.getByLabel('Auth Token').fill('not-the-token-123');
    await account.getByRole('button', { name: 'Verify and connect' }).click();
    expect(await text(account.getByRole('alert'))).toBe('impact.com refused these credentials.');

    await account.getByLabel('Auth Token').fill(fake.authToken);
    await account.getByRole('button', { name: 'Verify and connect' }).click();
    expect(await text(account.getByTestId('account-answer'))).toBe('Connected: 2 catalogs.');
    await account.getByText('Last catalog sync').waitFor();
    expect(await account.getByLabel('Auth Token').count()).toBe(0);
    // the token went to impact.com (the fake) and nowhere into the page
    expect(await page.content()).not.toContain(fake.authToken);
    await shoot('account');
  });

  it('2. searches "tent" and shows the results with their brand, price and stock', async () => {
    await nav().getByRole('link', { name: 'Watchlist' }).click();
    await page.getByRole('searchbox', { name: 'Search impact.com' }).fill('tent');
    const results = page.getByRole('list', { name: 'Search results' });
    await expect.poll(() => results.getByRole('listitem').count(), { timeout: LIVE_MS }).toBe(3);
    const trail = results.getByRole('listitem', { name: 'Trail Tent 2P' });
    expect(await text(trail)).toContain('Acme Outdoor');
    expect(await text(trail)).toContain('$249.00');
    expect(await text(results.getByRole('listitem', { name: 'Solo Tent 1P' }))).toContain('Out of stock');
    await trail.getByRole('img', { name: 'Trail Tent 2P' }).waitFor();
    await shoot('search');
  });

  it('3. watches a result in one click; its current state is fetched at once', async () => {
    const results = page.getByRole('list', { name: 'Search results' });
    await results.getByRole('button', { name: 'Watch Trail Tent 2P', exact: true }).click();
    await results.getByRole('listitem', { name: 'Trail Tent 2P' }).getByText('Watching', { exact: true }).waitFor();
    const row = page.getByRole('listitem', { name: 'Watch on Trail Tent 2P' });
    await row.getByText('$249.00', { exact: true }).waitFor();
    expect(await text(row)).toContain('Acme Outdoor · Tents & Shelters · Item TENT-2P · catalog 24836');
  });

  it('4. the brand drops the price without a postback; "Check now" finds it and the feed alerts under the brand', async () => {
    const progress = page.getByTestId('check-progress');
    await expect.poll(() => text(progress), { timeout: LIVE_MS }).toMatch(/^Checked /);
    fake.changeItem(CATALOG, 'TENT-2P', { currentPrice: '199.00' });
    const checksBefore = fake.requests.filter((request) => request.path.includes('/Items')).length;
    await page.getByRole('button', { name: 'Check now' }).click();
    await expect
      .poll(() => fake.requests.filter((request) => request.path.includes('/Items')).length, { timeout: LIVE_MS })
      .toBeGreaterThan(checksBefore);
    const row = page.getByRole('listitem', { name: 'Watch on Trail Tent 2P' });
    await row.getByText('$199.00', { exact: true }).waitFor();
    await expect
      .poll(() => text(page.getByTestId('reconcile-line')), { timeout: LIVE_MS })
      .toMatch(/^Checked .*: 1 change found/);

    await nav().getByRole('link', { name: /^Feed/ }).click();
    const move = '$249.00 \u2192 $199.00 (\u221220.1%)';
    const alerted = page.getByTestId('feed-entry').filter({ has: page.getByTestId('feed-change').getByText(move) });
    await alerted.waitFor();
    await alerted.getByText('Alert', { exact: true }).waitFor();
    await alerted.getByText('found on check', { exact: true }).waitFor();
    expect(await text(alerted.getByTestId('feed-brand'))).toBe('Acme Outdoor');
    expect(await text(alerted.locator('.feed-name'))).toMatch(/^Trail Tent 2P/);
  });

  it('5. the tracking link is one click away in the feed row, and the page made no off-machine request', async () => {
    const row = page.getByTestId('feed-entry').filter({ hasText: '$199.00' });
    await row.getByRole('button', { name: 'More for Trail Tent 2P' }).click();
    const menu = page.getByRole('group', { name: 'More for Trail Tent 2P' });
    await menu.getByRole('button', { name: 'Copy tracking link' }).waitFor();
    await menu.getByRole('button', { name: 'Watch everything from Acme Outdoor' }).waitFor();
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });

    for (const view of taken) {
      for (const width of ['wide', 'narrow'] as const) {
        expect(fs.statSync(path.join(SCREENSHOT_DIR, fileName(view, width))).size).toBeGreaterThan(5_000);
      }
    }
    expect(browser?.blocked).toEqual([]);
    expect(browser?.pageErrors).toEqual([]);
    expect(browser?.dialogs).toEqual([]);
  });
});
