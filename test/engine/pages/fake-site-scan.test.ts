// The whole page reader against the fake partner site: every link classified as specified (the four matches, and
// look-alikes matching nothing), the disallowed page never requested, redirects, 404, a huge page, a slow page and a
// PDF each handled, as Shelfwatch, conditional on the second scan. (One request at a time: page-reader.test.ts.)
import { describe, expect, it } from 'vitest';
import { PAGE_READER_USER_AGENT } from '../../../main/engine/app-version.js';
import { REVIEW_LINKS } from '../../fakes/fake-site/content.js';
import { FAKE_SITE_PATHS as PATHS } from '../../fakes/fake-site.js';
import { pagesHarness } from './pages-harness.js';

describe('reading the fake partner site', () => {
  it('classifies every link, reads politely, and never requests what robots.txt disallows', async () => {
    const h = await pagesHarness();
    await h.postProducts();
    const added = await h.engine.api.addSite({ url: `${h.site.url}/sitemap_index.xml` });
    expect(added).toMatchObject({ url: `${h.site.url}/sitemap_index.xml`, kind: 'sitemap' });
    await h.scanned();

    const review = await h.engine.api.pageLinks({ url: `${h.site.url}${PATHS.review}` });
    expect(review.items).toEqual(
      REVIEW_LINKS.map((link) => ({
        href: new URL(link.href).href,
        text: link.text,
        productKey: link.productKey,
        match: link.match,
      })),
    );

    const { items } = await h.engine.api.listPages({ detail: '1' });
    const byUrl = new Map(items.map((item) => [item.url.replace(h.site.url, ''), item]));
    expect([...byUrl.keys()].sort()).toEqual(
      [PATHS.giftGuide, PATHS.huge, PATHS.newPost, PATHS.review, PATHS.slow].sort(),
    );
    expect(byUrl.get(PATHS.review)).toMatchObject({ title: 'Best tents 2026', status: 200, links: 8, matched: 4 });
    // the redirect's page is known by where it led
    expect(byUrl.get(PATHS.newPost)).toMatchObject({ title: 'Moved post', links: 1, matched: 1 });
    expect(byUrl.get(PATHS.huge)?.problem).toBe('larger than 64 KB');
    expect(byUrl.get(PATHS.slow)?.problem).toMatch(/^no answer within/);

    expect(h.site.requestsFor(PATHS.private)).toEqual([]);
    expect(new Set(h.site.requests.map((request) => request.headers['user-agent']))).toEqual(
      new Set([PAGE_READER_USER_AGENT]),
    );
    const status = (await h.engine.api.status(undefined)).pageScan;
    expect(status).toMatchObject({ running: false, done: 8, total: 8, errors: 2, matched: 6 });
    const [site] = (await h.engine.api.listSites(undefined)).items;
    expect(site?.lastScan).toMatchObject({ pages: 5, matched: 6, errors: 2 });

    // The second scan asks conditionally, and the pages that did not change keep their links.
    const before = h.site.requests.length;
    await h.scan();
    const rescan = h.site.requests.slice(before);
    expect(rescan.filter((request) => request.path === '/robots.txt')).toHaveLength(1);
    const again = rescan.filter((request) => request.path === PATHS.review);
    expect(again.map((request) => request.headers['if-none-match'])).toEqual([expect.stringMatching(/^"/)]);
    expect((await h.engine.api.pageLinks({ url: `${h.site.url}${PATHS.review}` })).items).toEqual(review.items);
  });

  it('knows a feed and a single page by what they serve, and refuses what is neither', async () => {
    const h = await pagesHarness();
    expect((await h.engine.api.addSite({ url: `${h.site.url}/feed.xml` })).kind).toBe('feed');
    await h.scanned();
    expect((await h.engine.api.addSite({ url: `${h.site.url}${PATHS.giftGuide}` })).kind).toBe('page');
    await h.scanned();
    const pages = (await h.engine.api.listPages({})).items.map((item) => item.title).sort();
    expect(pages).toEqual(['Best tents 2026', 'Gift guide']);
    await expect(h.engine.api.addSite({ url: `${h.site.url}${PATHS.pdf}` })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('application/pdf'),
    });
    await expect(h.engine.api.addSite({ url: `${h.site.url}${PATHS.private}` })).rejects.toMatchObject({ status: 400 });
    await expect(h.engine.api.addSite({ url: `${h.site.url}/feed.xml` })).rejects.toMatchObject({ status: 409 });
    await expect(h.engine.api.addSite({ url: 'ftp://example.test/sitemap.xml' })).rejects.toMatchObject({
      status: 400,
    });
    expect(h.site.requestsFor(PATHS.private)).toEqual([]);
  });
});
