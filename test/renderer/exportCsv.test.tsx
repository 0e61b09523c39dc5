// Export buttons: the feed's saves what the view shows (its filter and search), the product's saves its history;
// and the history says where the item left the catalog.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../../shared/contract/product.js';
import { makeEntry, makeProduct, minutesAgo } from '../fakes/ui-data.js';
import { createFakeClient } from './fakeApi.js';
import { renderApp } from './renderApp.js';

const alert = { watchId: 'w1', kind: 'price-below' as const, message: 'Price below $35.00' };

describe('export', () => {
  it('saves the feed as the view shows it, and says how many rows', async () => {
    const feed = [
      makeEntry({ id: 'e2', seq: 2, product: makeProduct({ catalogItemId: 'SKU-2' }), alerts: [alert] }),
      makeEntry({ id: 'e1', seq: 1, product: makeProduct({ catalogItemId: 'SKU-1' }) }),
    ];
    const client = createFakeClient({ feed });
    renderApp(client);
    const user = userEvent.setup();
    await waitFor(() => expect(screen.queryAllByTestId('feed-entry')).toHaveLength(2));
    await user.click(screen.getByRole('button', { name: 'Alerts' }));
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('Saved 1 row.')).toBeTruthy();
    expect(client.callsOf('exportFeed')).toEqual([{ filter: 'alerts' }]);
    expect(client.saved.map((file) => file.csv.split('\r\n').slice(1))).toEqual([[`${feed[0]?.at},SKU-2`]]);
  });

  it('saves a product’s history, whose chart and table show where it was removed', async () => {
    const product = makeProduct({ removed: true });
    const history: HistoryPoint[] = [
      { at: minutesAgo(600), currentPrice: 49.99, currency: 'USD', stockAvailability: 'InStock' },
      { at: minutesAgo(5), currentPrice: 49.99, currency: 'USD', stockAvailability: 'InStock', removed: true },
    ];
    const client = createFakeClient({ products: new Map([[product.key, { product, history }]]) });
    renderApp(client, `#/product/${encodeURIComponent(product.key)}`);
    const user = userEvent.setup();
    const chart = await screen.findByRole('img', { name: /Price and stock history/ });
    expect(chart.querySelectorAll('rect.chart-stock.tone-removed')).toHaveLength(1);
    expect(screen.getByText('Removed', { selector: '.legend' })).toBeTruthy();
    const table = screen.getByRole('table', { name: /Price and stock history/ });
    const cells = within(table)
      .getAllByRole('row')
      .map((row) => row.querySelectorAll('td')[2]?.textContent);
    expect(cells).toEqual([undefined, 'In stock', 'Removed']);

    await user.click(screen.getByRole('button', { name: 'Export history (CSV)' }));
    expect(await screen.findByText('Saved 2 rows.')).toBeTruthy();
    expect(client.callsOf('exportHistory')).toEqual([{ key: product.key }]);
  });
});
