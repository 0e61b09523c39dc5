// Issue 18, end to end: the built UI in Chromium against the real server face, which reads the fake partner site
// (test/fakes/fake-site.ts) on loopback. The partner adds their sitemap in the Pages view, the pages are read, a
// product two pages link to sells out, and the Pages view puts both pages under attention; the feed names them.
// The steps share one tab and one server and run in order.
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_PRODUCTS, productPostback } from '../fakes/fake-site/content.js';
import { type FakeSite, FAKE_SITE_PATHS as PATHS, startFakeSite } from '../fakes/fake-site.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { type BrowserSession, CHROMIUM, LIVE_MS, openBrowser, SKIP_REASON } from './browser.js';
import { ensureBuilt } from './build.js';
import { send } from './postbacks.js';
import { publishScreenshots } from './screenshots.js';
import { type ServeChild, startServeChild } from './serve-child.js';
import { shootView } from './shoot.js';

const SECRET = 'e2e-pages-secret-0123456789';
const TOKEN = 'e2e-pages-token-0123456789';

describe.skipIf(!CHROMIUM)(`your pages in Chromium${SKIP_REASON}`, () => {
  const temp = makeTempDir('shelfwatch-e2e-pages-');
  let site: FakeSite;
  let server: ServeChild | undefined;
  let browser: BrowserSession | undefined;
  let page: Page;

  const nav = () => page.getByRole('navigation', { name: 'Main' });
  const text = (locator: Locator) => locator.textContent().then((value) => value?.trim() ?? null);

  beforeAll(async () => {
    ensureBuilt();
    site = await startFakeSite();
    // The reader's 15 s deadline is not what this test is about: no slow page here (fake-site-scan.test.ts has it).
    site.listed = [PATHS.review, PATHS.giftGuide, PATHS.oldPost, PATHS.missing, PATHS.pdf, PATHS.private];
    server = await startServeChild({
      dataDir: path.join(temp.dir, 'data'),
      secret: SECRET,
      uiToken: TOKEN,
      env: { SHELFWATCH_PAGE_DELAY_MS: '0' },
    });
    for (const product of FAKE_PRODUCTS)
      await send(server.postbackUrl, productPostback(product.item, { Operation: 'Insert' }));
    browser = await openBrowser(path.join(temp.dir, 'profile'));
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await site?.close();
    temp.remove();
    publishScreenshots(['pages']);
  });

  it('1. adds the site by its sitemap, and reads its pages', async () => {
    await page.goto(server?.uiUrl ?? '');
    await nav().getByRole('link', { name: 'Pages' }).click();
    await page.getByRole('textbox', { name: 'Sitemap, feed or page address' }).fill(`${site.url}/sitemap_index.xml`);
    await page.getByRole('button', { name: 'Add site' }).click();
    const siteRow = page.getByTestId('site-row');
    await expect
      .poll(() => text(siteRow), { timeout: LIVE_MS })
      .toMatch(/Sitemap · 3 pages · read .*: 11 links, 6 to your products/);
    const pages = page.getByRole('list', { name: 'Your pages' });
    await expect.poll(() => pages.getByTestId('page-row').count(), { timeout: LIVE_MS }).toBe(3);
    expect(site.requestsFor(PATHS.private)).toEqual([]);
  });

  it('2. a product two pages link to sells out: both pages need attention, and the feed names them', async () => {
    await send(server?.postbackUrl ?? '', productPostback('TENT-2', { StockAvailability: 'OutofStock' }));
    await page.getByRole('button', { name: 'Needs attention' }).click();
    const list = page.getByRole('list', { name: 'Pages that need attention' });
    await expect.poll(() => list.getByTestId('page-row').count(), { timeout: LIVE_MS }).toBe(2);
    const review = list.getByTestId('page-row').filter({ hasText: 'Best tents 2026' });
    expect(await text(review.getByRole('list', { name: 'Needs attention' }))).toMatch(
      /Out of stock\s*Trail tent 2\s*Plain link: earns nothing\s*Lantern/,
    );
    await review.getByRole('button', { name: 'Links' }).click();
    await review.getByText('Plain link, no tracking: earns nothing').waitFor();
    await shootView(page, 'pages');

    await nav().getByRole('link', { name: /^Feed/ }).click();
    const row = page.getByTestId('feed-entry').filter({ hasText: 'Trail tent 2' }).first();
    expect(await text(row.getByTestId('feed-pages'))).toBe('On 2 of your pages: Best tents 2026, Gift guide');
    expect(browser?.blocked).toEqual([]);
    expect(browser?.pageErrors).toEqual([]);
    expect(browser?.dialogs).toEqual([]);
  });
});
