// A product two of the partner's pages link to goes out of stock: its feed entry, its notification and its channel
// message name both pages, the Pages view lists both under attention, and a watch on everything the pages link to
// alerts. Products the pages do not link to stay out of it.
import { describe, expect, it, onTestFinished } from 'vitest';
import type { FeedEntry } from '../../../shared/contract/feed.js';
import { singleText } from '../../../shared/domain/alert-policy-text.js';
import { startFakeTarget } from '../../fakes/channel-target.js';
import { productKeyOf, productPostback } from '../../fakes/fake-site/content.js';
import { FAKE_SITE_PATHS as PATHS } from '../../fakes/fake-site.js';
import { until } from '../../helpers/until.js';
import { pagesHarness } from './pages-harness.js';

describe('a product linked from two pages', () => {
  it('names both pages in its feed entry, notification and channel message, lists them under attention, and alerts its watch', async () => {
    const h = await pagesHarness();
    await h.postProducts();
    await h.postback({ ...productPostback('TENT-2'), CatalogItemId: 'UNLINKED', Url: 'https://shop.acme.test/p/x' });
    await h.engine.api.addSite({ url: `${h.site.url}/sitemap_index.xml` });
    await h.scanned();
    const watch = await h.engine.api.createWatch({
      target: { linkedFromPages: true },
      rules: [{ kind: 'out-of-stock' }, { kind: 'removed' }, { kind: 'price-change' }],
    });
    const alerts: FeedEntry[] = [];
    h.engine.subscribe((event) => {
      if (event.type === 'alert') alerts.push(...event.entries);
    });
    const webhook = await startFakeTarget('webhook');
    onTestFinished(() => webhook.close());
    await h.engine.api.createChannel({ name: 'Team', url: `json://${webhook.origin.slice(7)}/hook`, digestSeconds: 0 });

    await h.postback(productPostback('TENT-2', { StockAvailability: 'OutofStock' }));
    await h.postback({ ...productPostback('TENT-2'), CatalogItemId: 'UNLINKED', StockAvailability: 'OutofStock' });
    await until('the alert event', () => alerts.length > 0);

    const [entry, unlinked] = (await h.engine.api.feed({ limit: 2 })).items.reverse();
    const bothPages = [
      { url: `${h.site.url}${PATHS.review}`, title: 'Best tents 2026' },
      { url: `${h.site.url}${PATHS.giftGuide}`, title: 'Gift guide' },
    ];
    expect(entry).toMatchObject({ key: productKeyOf('TENT-2'), pages: { count: 2, items: bothPages } });
    expect(entry?.alerts).toEqual([{ watchId: watch.id, kind: 'out-of-stock', message: 'Trail tent 2 sold out' }]);
    expect(unlinked?.pages).toBeUndefined();
    expect(unlinked?.alerts).toEqual([]);

    expect(alerts.map((alert) => alert.key)).toEqual([productKeyOf('TENT-2')]);
    const notification = singleText(alerts[0] as FeedEntry, ['Trail tent 2 sold out']);
    expect(notification.body).toBe('Trail tent 2 sold out · on 2 of your pages: Best tents 2026, Gift guide');
    // the team's channel says it too
    await until('the webhook message', () => webhook.accepted.length > 0);
    const sent = webhook.accepted[0]?.json as { data: { alerts: { key: string; pages?: string }[] } };
    expect(sent.data.alerts).toMatchObject([
      { key: productKeyOf('TENT-2'), pages: 'on 2 of your pages: Best tents 2026, Gift guide' },
    ]);

    const attention = await h.engine.api.listPages({ attention: '1' });
    expect(attention.items.map((page) => [page.title, page.attention])).toEqual([
      [
        'Best tents 2026',
        [
          { productKey: productKeyOf('TENT-2'), reason: 'out-of-stock' },
          { productKey: productKeyOf('LAMP'), reason: 'untracked' },
        ],
      ],
      ['Gift guide', [{ productKey: productKeyOf('TENT-2'), reason: 'out-of-stock' }]],
    ]);
    expect((await h.engine.api.product({ key: productKeyOf('TENT-2') })).pages).toEqual(bothPages);
  });

  it('shows removal and a higher price than when the page was read as attention', async () => {
    const h = await pagesHarness();
    await h.postProducts();
    await h.engine.api.addSite({ url: `${h.site.url}${PATHS.review}` });
    await h.scanned();
    await h.postback({ ...productPostback('STOVE'), Operation: 'Delete' });
    await h.postback(productPostback('MAT', { CurrentPrice: '45.00' }));
    const [page] = (await h.engine.api.listPages({ attention: '1', detail: '1' })).items;
    expect(page?.attention).toEqual([
      { productKey: productKeyOf('STOVE'), reason: 'removed' },
      { productKey: productKeyOf('MAT'), reason: 'price-up' },
      { productKey: productKeyOf('LAMP'), reason: 'untracked' },
    ]);
    const links = await h.engine.api.pageLinks({ url: `${h.site.url}${PATHS.review}`, detail: '1' });
    const mat = links.items.find((link) => link.productKey === productKeyOf('MAT'));
    expect(mat?.priceWhenScanned).toBe(39);
    expect(links.products?.[productKeyOf('MAT')]).toMatchObject({ currentPrice: 45, stockAvailability: 'InStock' });
  });

  it('matches a product that arrives after the scan to the links already read', async () => {
    const h = await pagesHarness();
    await h.engine.api.addSite({ url: `${h.site.url}${PATHS.review}` });
    await h.scanned();
    expect(
      (await h.engine.api.pageLinks({ url: `${h.site.url}${PATHS.review}` })).items.every(
        (link) => link.match === null,
      ),
    ).toBe(true);
    await h.postback(productPostback('TENT-2', { Operation: 'Insert', StockAvailability: 'OutofStock' }));
    const [entry] = (await h.engine.api.feed({ limit: 1 })).items;
    expect(entry?.pages).toEqual({
      count: 1,
      items: [{ url: `${h.site.url}${PATHS.review}`, title: 'Best tents 2026' }],
    });
    const tent = (await h.engine.api.pageLinks({ url: `${h.site.url}${PATHS.review}` })).items[0];
    expect(tent).toMatchObject({ productKey: productKeyOf('TENT-2'), match: 'link' });
  });
});
