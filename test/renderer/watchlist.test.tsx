import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeFeed, makeWatch, minutesAgo } from '../fakes/ui-data.js';
import { createFakeClient } from './fakeApi.js';
import { renderApp } from './renderApp.js';

function watchlistClient() {
  const feed = makeFeed(3);
  const client = createFakeClient({
    feed,
    watches: [makeWatch({ id: 'w1', target: { catalogId: '7001', catalogItemId: 'SKU-2' } })],
  });
  const tracked = client.data.products.get('7001:SKU-2');
  if (tracked) {
    tracked.history = [
      { at: minutesAgo(60), currentPrice: 39.99, currency: 'USD', stockAvailability: 'InStock' },
      { at: minutesAgo(5), currentPrice: 34.99, currency: 'USD', stockAvailability: 'InStock' },
    ];
  }
  return client;
}

describe('watchlist', () => {
  it('lists each watch with its rules, current price/stock and last change', async () => {
    renderApp(watchlistClient(), '#/watchlist');
    const row = await screen.findByRole('listitem', { name: 'Watch on Product 2' });
    expect(within(row).getByText('Price below 30 · Back in stock')).toBeTruthy();
    expect(await within(row).findByText('$34.99')).toBeTruthy();
    expect(within(row).getByText('In stock')).toBeTruthy();
    expect(within(row).getByText(/\$39\.99 → \$34\.99 \(−12\.5%\)/)).toBeTruthy();
  });

  it('adds a watch by catalog id and item id with the default rules', async () => {
    const client = watchlistClient();
    renderApp(client, '#/watchlist');
    const user = userEvent.setup();
    await screen.findByRole('listitem', { name: 'Watch on Product 2' });
    const form = screen.getByRole('form', { name: 'Add a watch' });
    await user.type(within(form).getByRole('textbox', { name: 'Catalog id' }), '7001');
    await user.type(within(form).getByRole('textbox', { name: 'Item id' }), 'NEW-77');
    await user.click(within(form).getByRole('button', { name: 'Watch item' }));
    expect(client.callsOf('createWatch')).toEqual([
      {
        target: { catalogId: '7001', catalogItemId: 'NEW-77' },
        rules: [{ kind: 'price-change' }, { kind: 'back-in-stock' }, { kind: 'out-of-stock' }, { kind: 'removed' }],
      },
    ]);
    const added = await screen.findByRole('listitem', { name: 'Watch on NEW-77' });
    expect(await within(added).findByText('Not seen in a postback yet')).toBeTruthy();
  });

  it('rejects a catalog id that is not a number', async () => {
    const client = watchlistClient();
    renderApp(client, '#/watchlist');
    const user = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Add a watch' });
    await user.type(within(form).getByRole('textbox', { name: 'Catalog id' }), 'abc');
    await user.type(within(form).getByRole('textbox', { name: 'Item id' }), 'X');
    await user.click(within(form).getByRole('button', { name: 'Watch item' }));
    expect(screen.getByRole('alert').textContent).toContain('catalog id is a number');
    expect(client.callsOf('createWatch')).toEqual([]);
  });

  it('mutes, edits and stops watching (after confirming)', async () => {
    const client = watchlistClient();
    renderApp(client, '#/watchlist');
    const user = userEvent.setup();
    const row = await screen.findByRole('listitem', { name: 'Watch on Product 2' });
    await user.click(within(row).getByRole('button', { name: 'Mute Product 2' }));
    expect(client.callsOf('updateWatch')).toEqual([{ id: 'w1', muted: true }]);
    await within(row).findByRole('button', { name: 'Unmute Product 2' });

    await user.click(within(row).getByRole('button', { name: 'Edit rules for Product 2' }));
    await user.click(within(row).getByRole('button', { name: /Remove rule 1/ }));
    await user.click(within(row).getByRole('button', { name: 'Save rules' }));
    expect(client.callsOf('updateWatch').at(-1)).toEqual({ id: 'w1', rules: [{ kind: 'back-in-stock' }] });

    await user.click(within(row).getByRole('button', { name: 'Stop watching Product 2' }));
    expect(client.callsOf('deleteWatch')).toEqual([]);
    await user.click(within(row).getByRole('button', { name: 'Delete watch' }));
    expect(client.callsOf('deleteWatch')).toEqual([{ id: 'w1' }]);
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Watch on Product 2' })).toBeNull());
    expect(screen.getByTestId('watchlist-empty')).toBeTruthy();
  });
});
