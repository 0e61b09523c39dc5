// Watchlist → Add: search impact.com's catalogs and watch from the results (an item, a whole catalog, a brand).
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, DEFAULT_SCOPE_RULES } from '../../renderer/src/watch/defaultRules.js';
import { ApiError } from '../../shared/contract/errors.js';
import { makeCatalog, makeCatalogItem, makeWatch, minutesAgo } from '../fakes/ui-data.js';
import { createFakeClient } from './fakeApi.js';
import { renderApp } from './renderApp.js';

const connected = { accountSid: 'IRa1b2c3d4e5', connected: true, lastCatalogSyncAt: minutesAgo(5), rateLimit: null };
const catalogs = [
  makeCatalog(),
  makeCatalog({ id: '9001', name: 'Bikes', advertiserName: 'Velo Co', campaignId: '77' }),
];
const tents = [
  makeCatalogItem(),
  makeCatalogItem({ catalogItemId: 'TENT-4P', name: 'Basecamp Tent 4P', currentPrice: 399, originalPrice: null }),
  makeCatalogItem({ catalogItemId: 'TENT-1P', name: 'Solo Tent 1P', stockAvailability: 'OutOfStock' }),
];
const stove = makeCatalogItem({
  catalogItemId: 'STOVE-1',
  name: 'Camp Stove',
  currentPrice: 59.5,
  originalPrice: null,
});

function searchClient(seed: Parameters<typeof createFakeClient>[0] = {}, overrides = {}) {
  return createFakeClient(
    { account: connected, catalogs, catalogItems: [...tents, stove], watches: [], ...seed },
    overrides,
  );
}

async function search(words: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByRole('searchbox', { name: 'Search impact.com' }), words);
  return { user, results: await screen.findByRole('list', { name: 'Search results' }) };
}

describe('search to watch', () => {
  it('without an account, says so with a link to Settings and still adds a watch by ids', async () => {
    const client = createFakeClient({ watches: [] });
    renderApp(client, '#/watchlist');
    const note = await screen.findByTestId('search-needs-account');
    expect(within(note).getByRole('link', { name: 'Settings' }).getAttribute('href')).toBe('#/settings');
    expect(screen.queryByRole('searchbox', { name: 'Search impact.com' })).toBeNull();
    const user = userEvent.setup();
    const form = screen.getByRole('form', { name: 'Add a watch' });
    await user.type(within(form).getByRole('textbox', { name: 'Catalog id' }), '7001');
    await user.type(within(form).getByRole('textbox', { name: 'Item id' }), 'NEW-77');
    await user.click(within(form).getByRole('button', { name: 'Watch item' }));
    expect(client.callsOf('createWatch')).toEqual([
      { target: { catalogId: '7001', catalogItemId: 'NEW-77' }, rules: DEFAULT_RULES },
    ]);
    expect(client.callsOf('searchCatalog')).toEqual([]);
  });

  it('finds "tent" with image, name, brand, price and stock, and says which are already watched', async () => {
    const client = searchClient({ watches: [makeWatch({ target: { catalogId: '24836', catalogItemId: 'TENT-4P' } })] });
    renderApp(client, '#/watchlist');
    const { results } = await search('tent');
    expect(client.callsOf('searchCatalog')).toEqual([{ q: 'tent' }]);
    const rows = within(results).getAllByRole('listitem');
    expect(rows.map((row) => row.getAttribute('aria-label'))).toEqual([
      'Trail Tent 2P',
      'Basecamp Tent 4P',
      'Solo Tent 1P',
    ]);
    const trail = within(results).getByRole('listitem', { name: 'Trail Tent 2P' });
    expect(within(trail).getByRole('img', { name: 'Trail Tent 2P' }).getAttribute('src')).toBe(tents[0]?.imageUrl);
    expect(within(trail).getByText('Acme Outdoor')).toBeTruthy();
    expect(trail.textContent).toContain('Tents & Shelters · TENT-2P');
    expect(trail.textContent).toContain('$249.00 was $299.00');
    expect(within(trail).getByText('In stock')).toBeTruthy();
    expect(within(results).getByRole('listitem', { name: 'Solo Tent 1P' }).textContent).toContain('Out of stock');
    const basecamp = within(results).getByRole('listitem', { name: 'Basecamp Tent 4P' });
    expect(within(basecamp).getByText('Watching')).toBeTruthy();
    expect(within(basecamp).queryByRole('button', { name: 'Watch Basecamp Tent 4P' })).toBeNull();
    expect(screen.getByTestId('search-status').textContent).toBe('3 results');
  });

  it('watches a result in one click with the default rules (the engine fetches its current state)', async () => {
    const client = searchClient();
    renderApp(client, '#/watchlist');
    const { user, results } = await search('tent');
    await user.click(within(results).getByRole('button', { name: 'Watch Trail Tent 2P' }));
    expect(client.callsOf('createWatch')).toEqual([
      { target: { catalogId: '24836', catalogItemId: 'TENT-2P' }, rules: DEFAULT_RULES },
    ]);
    const row = within(results).getByRole('listitem', { name: 'Trail Tent 2P' });
    expect(await within(row).findByText('Watching')).toBeTruthy();
    expect(client.callsOf('reconcile')).toEqual([]); // the engine does it for every new watch (test/impact/)
    expect(await screen.findByRole('listitem', { name: 'Watch on TENT-2P' })).toBeTruthy();
  });

  it('follows `next` for more results', async () => {
    const many = Array.from({ length: 5 }, (_, i) => makeCatalogItem({ catalogItemId: `T-${i}`, name: `Tent ${i}` }));
    const client = searchClient({ catalogItems: many, searchPageSize: 2 });
    renderApp(client, '#/watchlist');
    const { user, results } = await search('tent');
    expect(within(results).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByTestId('search-status').textContent).toBe('2+ results');
    await user.click(screen.getByRole('button', { name: 'Load more results' }));
    await waitFor(() => expect(within(results).getAllByRole('listitem')).toHaveLength(4));
    await user.click(screen.getByRole('button', { name: 'Load more results' }));
    await waitFor(() => expect(within(results).getAllByRole('listitem')).toHaveLength(5));
    expect(screen.queryByRole('button', { name: 'Load more results' })).toBeNull();
    expect(client.callsOf('searchCatalog')).toEqual([
      { q: 'tent' },
      { q: 'tent', cursor: 'after-2' },
      { q: 'tent', cursor: 'after-4' },
    ]);
  });

  it('filters to one catalog, and watches everything in it with rules fit for a whole catalog', async () => {
    const client = searchClient();
    renderApp(client, '#/watchlist');
    const user = userEvent.setup();
    const filter = await screen.findByRole('combobox', { name: 'Catalog' });
    expect(
      within(filter)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['All catalogs', 'Acme Outdoor — Tents & Shelters', 'Velo Co — Bikes']);
    await user.selectOptions(filter, '24836');
    // a chosen catalog is listed whole, without words
    await screen.findByRole('list', { name: 'Search results' });
    expect(client.callsOf('searchCatalog')).toEqual([{ q: '', catalogId: '24836' }]);
    const scope = screen.getByTestId('catalog-scope');
    expect(scope.textContent).toContain('Tents & Shelters by Acme Outdoor · 512 items');
    await user.click(within(scope).getByRole('button', { name: 'Watch everything in this catalog' }));
    expect(client.callsOf('createWatch')).toEqual([{ target: { catalogId: '24836' }, rules: DEFAULT_SCOPE_RULES }]);
    expect((await within(scope).findByRole('status')).textContent).toBe(
      'Watching everything in this catalog: Price drops ≥ 20% · Back in stock',
    );
    // every result of that catalog is now watched
    const results = screen.getByRole('list', { name: 'Search results' });
    expect(within(results).getAllByText('Watching')).toHaveLength(4);
  });

  it("watches a whole brand from a result's menu, and the watchlist names it with its rules", async () => {
    const client = searchClient();
    renderApp(client, '#/watchlist');
    const { user, results } = await search('stove');
    await user.click(within(results).getByRole('button', { name: 'More ways to watch Camp Stove' }));
    const menu = within(results).getByRole('group', { name: 'More ways to watch Camp Stove' });
    expect(within(menu).getByRole('button', { name: 'Watch everything in Tents & Shelters' })).toBeTruthy();
    await user.click(within(menu).getByRole('button', { name: 'Watch everything from Acme Outdoor' }));
    expect(client.callsOf('createWatch')).toEqual([{ target: { campaignId: '4521' }, rules: DEFAULT_SCOPE_RULES }]);

    const row = await screen.findByRole('listitem', { name: 'Watch on Everything from Acme Outdoor' });
    expect(within(row).getByText('Price drops ≥ 20% · Back in stock')).toBeTruthy();
    expect(within(row).getByText('Campaign 4521')).toBeTruthy();
    expect(within(row).queryByRole('link')).toBeNull(); // a brand has no product page
  });

  it('says when nothing matches, and shows a failed search with a retry', async () => {
    let fail = true;
    const client = searchClient(
      {},
      {
        searchCatalog: async () => {
          if (fail) throw new ApiError(502, 'impact.com cannot be reached.');
          return { items: [], next: null };
        },
      },
    );
    renderApp(client, '#/watchlist');
    const user = userEvent.setup();
    await user.type(await screen.findByRole('searchbox', { name: 'Search impact.com' }), 'kayak');
    expect((await screen.findByRole('alert')).textContent).toContain('impact.com search failed: impact.com cannot');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect((await screen.findByTestId('search-status')).textContent).toBe(
      'Nothing found for “kayak”. Try fewer or other words, or another catalog.',
    );
  });
});
