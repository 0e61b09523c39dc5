// Brands instead of numbers: the feed, the product page and the watchlist name the brand and catalog once the
// catalogs are known, with the ids kept as secondary text.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeCatalog, makeEntry, makeProduct, makeWatch } from '../fakes/ui-data.js';
import { createFakeClient } from './fakeApi.js';
import { emit, renderApp } from './renderApp.js';

const named = makeProduct({
  catalogId: '24836',
  catalogItemId: 'TENT-2P',
  campaignId: '4521',
  name: 'Trail Tent 2P',
  brandName: 'Acme Outdoor',
  catalogName: 'Tents & Shelters',
});
const unnamed = makeProduct({ catalogItemId: 'SKU-9', name: 'Plain thing' });
const catalogs = [makeCatalog()];

function brandClient(watches = [makeWatch({ target: { catalogId: '24836', catalogItemId: 'TENT-2P' } })]) {
  const feed = [makeEntry({ id: 'e2', seq: 2, product: named }), makeEntry({ id: 'e1', seq: 1, product: unnamed })];
  return createFakeClient({ feed, catalogs, watches });
}

describe('brand names', () => {
  it('shows the brand in feed rows that have one, with the catalog and its id behind it', async () => {
    renderApp(brandClient());
    const rows = await screen.findAllByTestId('feed-entry');
    const brand = within(rows[0] as HTMLElement).getByTestId('feed-brand');
    expect(brand.textContent).toBe('Acme Outdoor');
    expect(brand.getAttribute('title')).toBe('Acme Outdoor · Tents & Shelters (catalog 24836)');
    expect(within(rows[1] as HTMLElement).queryByTestId('feed-brand')).toBeNull();
  });

  it('names brand and catalog on the product page, the ids still there', async () => {
    renderApp(brandClient(), `#/product/${encodeURIComponent(named.key)}`);
    expect((await screen.findByTestId('product-brand')).textContent).toBe('Acme Outdoor · Tents & Shelters');
    expect(screen.getByText('Item TENT-2P · catalog 24836')).toBeTruthy();
    const facts = screen.getByTestId('product-facts');
    expect(within(facts).getByTestId('fact-brand').textContent).toBe('Acme Outdoor');
    expect(within(facts).getByText('Tents & Shelters')).toBeTruthy();
    expect(within(facts).getByText('24836')).toBeTruthy();
    expect(within(facts).getByText('4521')).toBeTruthy();
  });

  it('names the brand of a watched item in the watchlist, even before anything told us about the item', async () => {
    const client = brandClient([
      makeWatch({ id: 'w1', target: { catalogId: '24836', catalogItemId: 'TENT-2P' } }),
      makeWatch({ id: 'w2', target: { catalogId: '24836', catalogItemId: 'TENT-9P' } }),
    ]);
    renderApp(client, '#/watchlist');
    const seen = await screen.findByRole('listitem', { name: 'Watch on Trail Tent 2P' });
    await waitFor(() =>
      expect(seen.textContent).toContain('Acme Outdoor · Tents & Shelters · Item TENT-2P · catalog 24836'),
    );
    // never in a postback: the catalog list still knows whose it is
    const unseen = screen.getByRole('listitem', { name: 'Watch on TENT-9P' });
    expect(unseen.textContent).toContain('Acme Outdoor · Tents & Shelters · Item TENT-9P · catalog 24836');
    expect(await within(unseen).findByText('Not seen in a postback yet')).toBeTruthy();
  });

  it('names catalog and brand watches, and falls back to their ids before the catalogs are known', async () => {
    const watches = [
      makeWatch({ id: 'w1', target: { catalogId: '24836' }, rules: [{ kind: 'back-in-stock' }] }),
      makeWatch({ id: 'w2', target: { campaignId: '4521' }, rules: [{ kind: 'price-drop-pct', value: 20 }] }),
      makeWatch({ id: 'w3', target: { campaignId: '999' }, rules: [{ kind: 'removed' }] }),
    ];
    renderApp(createFakeClient({ catalogs, watches }), '#/watchlist');
    const catalog = await screen.findByRole('listitem', {
      name: 'Watch on Everything in Tents & Shelters (Acme Outdoor)',
    });
    expect(within(catalog).getByText('Catalog 24836 · 512 items')).toBeTruthy();
    expect(within(catalog).getByText('Back in stock')).toBeTruthy();
    const brand = screen.getByRole('listitem', { name: 'Watch on Everything from Acme Outdoor' });
    expect(within(brand).getByText('Price drops ≥ 20%')).toBeTruthy();
    expect(screen.getByRole('listitem', { name: 'Watch on Everything from campaign 999' })).toBeTruthy();
  });

  it('says on the product page when a brand watch covers the product', async () => {
    const watches = [
      makeWatch({ id: 'w9', target: { campaignId: '4521' }, rules: [{ kind: 'price-drop-pct', value: 20 }] }),
    ];
    renderApp(
      createFakeClient({ feed: [makeEntry({ product: named })], catalogs, watches }),
      `#/product/${encodeURIComponent(named.key)}`,
    );
    const note = await screen.findByTestId('covered-by');
    expect(note.textContent).toBe(
      'Covered by your watch on Everything from Acme Outdoor: Price drops ≥ 20%. Watch it on its own for rules of its own.',
    );
  });

  it('lists live entries of a brand-watched product under "Watched", and finds them by brand', async () => {
    const watches = [makeWatch({ id: 'w9', target: { campaignId: '4521' } })];
    const client = createFakeClient({ feed: [], catalogs, watches });
    renderApp(client, '#/feed?filter=watched');
    const user = userEvent.setup();
    await screen.findByText(/No changes for watched products yet/);
    await emit(client, { type: 'feed', entries: [makeEntry({ id: 'e5', seq: 5, product: named })] });
    expect((await screen.findByTestId('feed-entry')).textContent).toContain('Trail Tent 2P');

    await user.type(screen.getByRole('searchbox', { name: /brand/ }), 'acme');
    await screen.findByText('Nothing matches “acme”. Try part of the name, the brand or the item id.');
    const other = makeEntry({ id: 'e7', seq: 7, product: { ...unnamed, campaignId: '4521' } });
    await emit(client, { type: 'feed', entries: [makeEntry({ id: 'e6', seq: 6, product: named }), other] });
    const found = await screen.findAllByTestId('feed-entry');
    expect(found.map((row) => within(row).getByRole('link').textContent)).toEqual(['Trail Tent 2P (unread)']);
  });
});
