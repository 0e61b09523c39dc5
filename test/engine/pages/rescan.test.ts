// What a rescan changes: a link the page dropped leaves the index, a page the sitemap no longer lists leaves it
// (with its links), and the journaled set of linked products follows, so `{ linkedFromPages: true }` does too.
import { describe, expect, it } from 'vitest';
import {
  GIFT_GUIDE_HTML,
  productKeyOf,
  productPostback,
  REVIEW_HTML,
  REVIEW_LINKS,
} from '../../fakes/fake-site/content.js';
import { FAKE_SITE_PATHS as PATHS } from '../../fakes/fake-site.js';
import { pagesHarness } from './pages-harness.js';

describe('rescanning a site', () => {
  it('removes a dropped link and a page gone from the sitemap, and the watch on linked products follows', async () => {
    const h = await pagesHarness();
    await h.postProducts();
    await h.engine.api.addSite({ url: `${h.site.url}/sitemap_index.xml` });
    await h.scanned();
    await h.engine.api.createWatch({ target: { linkedFromPages: true }, rules: [{ kind: 'out-of-stock' }] });
    const review = `${h.site.url}${PATHS.review}`;
    const gift = `${h.site.url}${PATHS.giftGuide}`;
    expect((await h.engine.api.product({ key: productKeyOf('STOVE') })).pages).toHaveLength(1);

    const stove = REVIEW_LINKS[1]?.href.replaceAll('&', '&amp;') ?? '';
    h.site.pages.set(PATHS.review, REVIEW_HTML.replace(`<p><a href="${stove}">Camp stove</a></p>`, ''));
    h.site.listed = h.site.listed.filter((path) => path !== PATHS.giftGuide);
    expect(h.site.pages.get(PATHS.review)).not.toBe(REVIEW_HTML);
    await h.scan();

    const links = (await h.engine.api.pageLinks({ url: review })).items;
    expect(links.map((link) => link.text)).not.toContain('Camp stove');
    expect(links).toHaveLength(REVIEW_LINKS.length - 1);
    await expect(h.engine.api.pageLinks({ url: gift })).rejects.toMatchObject({ status: 404 });
    expect((await h.engine.api.listPages({})).items.map((page) => page.url)).not.toContain(gift);
    expect((await h.engine.api.product({ key: productKeyOf('STOVE') })).pages).toEqual([]);
    expect((await h.engine.api.product({ key: productKeyOf('TENT-2') })).pages).toEqual([
      { url: review, title: 'Best tents 2026' },
    ]);

    // the stove is no longer linked: the watch on linked products is quiet about it; the tent still alerts
    await h.postback(productPostback('STOVE', { StockAvailability: 'OutofStock' }));
    await h.postback(productPostback('TENT-2', { StockAvailability: 'OutofStock' }));
    const [tent, stoveEntry] = (await h.engine.api.feed({ limit: 2 })).items;
    expect(stoveEntry?.alerts).toEqual([]);
    expect(tent?.alerts.map((alert) => alert.kind)).toEqual(['out-of-stock']);

    // back in the sitemap: read again
    h.site.listed.push(PATHS.giftGuide);
    expect(h.site.pages.get(PATHS.giftGuide)).toBe(GIFT_GUIDE_HTML);
    await h.scan();
    expect((await h.engine.api.pageLinks({ url: gift })).items).toHaveLength(2);
  });

  it('keeps what it read when the sitemap cannot be read, and a deleted site takes its pages along', async () => {
    const h = await pagesHarness();
    const [site] = [await h.engine.api.addSite({ url: `${h.site.url}/sitemap_index.xml` })];
    await h.scanned();
    const pages = (await h.engine.api.listPages({})).items.length;
    expect(pages).toBeGreaterThan(0);
    h.site.robotsStatus = 503; // nothing may be read now
    await h.scan();
    expect((await h.engine.api.listPages({})).items).toHaveLength(pages);
    expect((await h.engine.api.status(undefined)).pageScan?.errors).toBeGreaterThan(0);

    expect(await h.engine.api.deleteSite({ id: site?.id ?? '' })).toEqual({ deleted: true });
    expect((await h.engine.api.listPages({})).items).toEqual([]);
    expect((await h.engine.api.listSites(undefined)).items).toEqual([]);
  });
});
