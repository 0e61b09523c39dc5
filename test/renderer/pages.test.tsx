// The partner's pages in the UI: the Pages view lists the pages that need attention with each product and reason,
// shows a page's links, adds sites (the hub only), and watches everything the pages link to; the feed, the product
// page and the status line say which pages link to a product. Page titles and addresses are text, never markup.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PageItem, PageScanStatus } from '../../shared/contract/pages.js';
import { makeEntry, makeFeed, makeProduct, makeStatus, minutesAgo } from '../fakes/ui-data.js';
import { createFakeClient } from './fakeApi.js';
import { emit, renderApp } from './renderApp.js';

const REVIEW = 'https://blog.test/reviews/best-tents';
const GUIDE = 'https://blog.test/guides/gifts';
const tent = makeProduct({
  catalogId: '24836',
  catalogItemId: 'TENT-2',
  name: 'Trail tent 2',
  stockAvailability: 'OutOfStock',
});
const lamp = makeProduct({ catalogId: '24836', catalogItemId: 'LAMP', name: 'Lantern', currentPrice: 19 });

const page = (overrides: Partial<PageItem>): PageItem => ({
  url: REVIEW,
  title: 'Best tents 2026',
  scannedAt: minutesAgo(120),
  status: 200,
  links: 8,
  matched: 4,
  attention: [],
  problem: null,
  ...overrides,
});

function pagesClient(device = false) {
  const scan: PageScanStatus = {
    running: false,
    done: 0,
    total: 0,
    links: 0,
    matched: 0,
    errors: 0,
    lastFinishedAt: minutesAgo(120),
    nextAt: null,
  };
  return createFakeClient({
    status: makeStatus({}, { pageScan: scan, ...(device ? { device: { id: 'd1', name: 'Laptop' } } : {}) }),
    sites: [
      {
        id: 's1',
        url: 'https://blog.test/sitemap.xml',
        kind: 'sitemap',
        pages: 2,
        lastScan: { at: minutesAgo(120), pages: 2, links: 10, matched: 5, errors: 0 },
      },
    ],
    pages: [
      page({
        attention: [
          { productKey: tent.key, reason: 'out-of-stock' },
          { productKey: lamp.key, reason: 'untracked' },
        ],
      }),
      page({
        url: GUIDE,
        title: '<img src=x onerror=alert(1)> Gift guide',
        links: 2,
        matched: 1,
        attention: [{ productKey: tent.key, reason: 'out-of-stock' }],
      }),
      page({ url: 'https://blog.test/about', title: 'About', links: 1, matched: 0 }),
    ],
    pageProducts: {
      [tent.key]: {
        key: tent.key,
        name: 'Trail tent 2',
        stockAvailability: 'OutOfStock',
        removed: false,
        currentPrice: 199,
        currency: 'USD',
      },
      [lamp.key]: {
        key: lamp.key,
        name: 'Lantern',
        stockAvailability: 'InStock',
        removed: false,
        currentPrice: 19,
        currency: 'USD',
      },
    },
    pageLinks: {
      [REVIEW]: [
        {
          href: 'https://acme.pxf.io/c/1/2/3?prodsku=TENT-2',
          text: 'Trail tent 2',
          productKey: tent.key,
          match: 'link',
          priceWhenScanned: 199,
        },
        {
          href: 'https://shop.acme.test/p/lantern',
          text: 'Lantern',
          productKey: lamp.key,
          match: 'untracked',
          priceWhenScanned: 17,
        },
        { href: 'https://en.wikipedia.test/wiki/Tent', text: 'Tents', productKey: null, match: null },
      ],
    },
  });
}

describe('Pages view', () => {
  it('lists the pages that need attention with each product and why, titles as text', async () => {
    renderApp(pagesClient(), '#/pages?filter=attention');
    const list = await screen.findByRole('list', { name: 'Pages that need attention' });
    const rows = within(list).getAllByTestId('page-row');
    expect(rows).toHaveLength(2);
    const [review, guide] = rows as [HTMLElement, HTMLElement];
    expect(within(review).getByText('Best tents 2026')).toBeTruthy();
    const reasons = within(review).getByRole('list', { name: 'Needs attention' });
    expect(reasons.textContent).toBe('Out of stock Trail tent 2Plain link: earns nothing Lantern');
    expect(within(review).getByRole('link', { name: 'Trail tent 2' }).getAttribute('href')).toBe(
      '#/product/24836%3ATENT-2',
    );
    expect(within(guide).getByText('<img src=x onerror=alert(1)> Gift guide')).toBeTruthy();
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });

  it('shows a page’s links with the product each leads to and how it was matched', async () => {
    const client = pagesClient();
    renderApp(client, '#/pages');
    const user = userEvent.setup();
    const list = await screen.findByRole('list', { name: 'Your pages' });
    const [review] = within(list).getAllByTestId('page-row') as [HTMLElement];
    await user.click(within(review).getByRole('button', { name: 'Links' }));
    const links = await within(review).findAllByTestId('page-link');
    expect(links.map((link) => link.textContent)).toEqual([
      `Trail tent 2https://acme.pxf.io/c/1/2/3?prodsku=TENT-2Trail tent 2 · Out of stock · $199.00Your tracking link`,
      'Lanternhttps://shop.acme.test/p/lanternLantern · In stock · $19.00 (was $17.00 when the page was read)Plain link, no tracking: earns nothing',
      'Tentshttps://en.wikipedia.test/wiki/Tent',
    ]);
    expect(client.callsOf('pageLinks')).toEqual([{ url: REVIEW, detail: '1' }]);
    await user.click(within(review).getByRole('button', { name: 'Open page' }));
    expect(client.opened).toEqual([REVIEW]);
  });

  it('adds a site and watches everything the pages link to', async () => {
    const client = pagesClient();
    renderApp(client, '#/pages');
    const user = userEvent.setup();
    await screen.findAllByTestId('site-row');
    await user.type(
      screen.getByRole('textbox', { name: 'Sitemap, feed or page address' }),
      'https://other.test/feed.xml',
    );
    await user.click(screen.getByRole('button', { name: 'Add site' }));
    expect(client.callsOf('addSite')).toEqual([{ url: 'https://other.test/feed.xml' }]);
    await waitFor(() => expect(screen.getAllByTestId('site-row')).toHaveLength(2));

    await user.click(screen.getByRole('button', { name: 'Watch everything your pages link to' }));
    expect(client.callsOf('createWatch')).toEqual([
      {
        target: { linkedFromPages: true },
        rules: [{ kind: 'out-of-stock' }, { kind: 'removed' }, { kind: 'price-change' }, { kind: 'back-in-stock' }],
      },
    ]);
  });

  it('reads the sites and pages again when a scan finishes, however quickly', async () => {
    const client = pagesClient();
    renderApp(client, '#/pages');
    const [row] = await screen.findAllByTestId('site-row');
    expect(row?.textContent).toContain('2 pages');
    const site = client.data.sites[0];
    if (site) site.pages = 5;
    client.data.pages.push(page({ url: 'https://blog.test/new', title: 'New article', links: 3, matched: 1 }));
    const status = client.data.status;
    // no event said it was running: it started and finished between two status events
    await emit(client, {
      type: 'status',
      status: { ...status, pageScan: { ...(status.pageScan as PageScanStatus), lastFinishedAt: minutesAgo(0) } },
    });
    await waitFor(() => expect(screen.getAllByTestId('site-row')[0]?.textContent).toContain('5 pages'));
    await screen.findByText('New article');
  });

  it('shows a device the pages but not the sites (only the hub may make the hub fetch addresses)', async () => {
    const client = pagesClient(true);
    renderApp(client, '#/pages');
    await screen.findByRole('list', { name: 'Your pages' });
    expect(screen.queryByRole('heading', { name: 'Your sites' })).toBeNull();
    expect(client.callsOf('listSites')).toEqual([]);
  });
});

describe('pages elsewhere in the app', () => {
  it('says in the feed which pages link to a product, and on its product page how many', async () => {
    const entry = makeEntry({
      product: tent,
      alerts: [{ watchId: 'w1', kind: 'out-of-stock', message: 'Trail tent 2 sold out' }],
      pages: {
        count: 2,
        items: [
          { url: REVIEW, title: 'Best tents 2026' },
          { url: GUIDE, title: 'Gift guide' },
        ],
      },
    });
    const quiet = makeEntry({ product: lamp, pages: { count: 1, items: [{ url: REVIEW, title: 'Best tents 2026' }] } });
    const client = createFakeClient({ feed: [entry, quiet, ...makeFeed(1)] });
    client.data.products.set(tent.key, { product: tent, history: [] });
    const view = renderApp(client, '#/feed');
    const pages = await screen.findAllByTestId('feed-pages');
    expect(pages.map((line) => line.textContent)).toEqual([
      ' · on 2 of your pages: Best tents 2026, Gift guide',
      'On 1 of your pages: Best tents 2026',
    ]);
    view.unmount();

    const product = createFakeClient(
      { feed: [entry] },
      {
        product: async () => ({ product: tent, history: [], watches: [], pages: entry.pages?.items }),
      },
    );
    renderApp(product, `#/product/${encodeURIComponent(tent.key)}`);
    const linked = await screen.findByTestId('product-pages');
    expect(within(linked).getByText('Linked from 2 of your pages')).toBeTruthy();
    expect(within(linked).getByText('Gift guide')).toBeTruthy();
  });

  it('shows the scan’s progress in the status line', async () => {
    const client = pagesClient();
    client.data.status = {
      ...client.data.status,
      pageScan: {
        running: true,
        done: 120,
        total: 800,
        links: 0,
        matched: 0,
        errors: 2,
        lastFinishedAt: null,
        nextAt: null,
      },
    };
    renderApp(client, '#/feed');
    const line = await screen.findByTestId('page-scan-line');
    expect(line.textContent).toBe('Reading your pages: 120 of 800 · 2 could not be read');
  });
});
