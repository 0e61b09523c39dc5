import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../../shared/contract/product.js';
import { makeEntry, makeProduct, makeWatch, minutesAgo } from '../fakes/ui-data.js';
import { createFakeClient } from './fakeApi.js';
import { emit, renderApp } from './renderApp.js';

const product = makeProduct();
const history: HistoryPoint[] = [
  { at: minutesAgo(600), currentPrice: 49.99, currency: 'USD', stockAvailability: 'InStock', inventory: 30 },
  { at: minutesAgo(300), currentPrice: 39.99, currency: 'USD', stockAvailability: 'OutOfStock', inventory: 0 },
  { at: minutesAgo(2), currentPrice: 34.99, currency: 'USD', stockAvailability: 'InStock', inventory: 12 },
];

function productClient() {
  return createFakeClient({
    products: new Map([[product.key, { product, history }]]),
    watches: [makeWatch({ id: 'w1', target: { catalogId: product.catalogId, catalogItemId: product.catalogItemId } })],
  });
}

const openProduct = (client: ReturnType<typeof productClient>) =>
  renderApp(client, `#/product/${encodeURIComponent(product.key)}`);

describe('product view', () => {
  it('shows the current state and the price/stock history chart', async () => {
    const client = productClient();
    openProduct(client);
    expect(await screen.findByRole('heading', { level: 1, name: 'Trail Runner 2 Shoe' })).toBeTruthy();
    const facts = screen.getByTestId('product-facts');
    expect(within(facts).getByText('$34.99')).toBeTruthy();
    expect(within(facts).getByText('$49.99')).toBeTruthy();
    expect(within(facts).getByText('In stock')).toBeTruthy();
    expect(within(facts).getByText('12')).toBeTruthy();
    expect(within(facts).getByText('12345')).toBeTruthy();
    expect(client.callsOf('product')).toEqual([{ key: '7001:ABC-123456' }]);

    const chart = screen.getByRole('img', { name: /Price and stock history of Trail Runner 2 Shoe: 3 points/ });
    expect(chart.querySelector('path.chart-price')?.getAttribute('d')).toMatch(/^M .* H .* V .*/);
    expect(chart.querySelectorAll('rect.chart-stock.tone-out')).toHaveLength(1);
    // the same data as a table for screen readers
    const table = screen.getByRole('table', { name: /Price and stock history/ });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(within(table).getByText('Out of stock')).toBeTruthy();
  });

  it('edits the watch rules in place and saves them', async () => {
    const client = productClient();
    openProduct(client);
    const user = userEvent.setup();
    const value = await screen.findByRole('spinbutton', { name: 'Rule 1 value' });
    await user.clear(value);
    await user.type(value, '29.5');
    await user.click(screen.getByRole('button', { name: /Remove rule 2/ }));
    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rule 2' }), 'out-of-stock');
    await user.click(screen.getByRole('button', { name: 'Save rules' }));
    expect(client.callsOf('updateWatch')).toEqual([
      { id: 'w1', rules: [{ kind: 'price-below', value: 29.5 }, { kind: 'out-of-stock' }] },
    ]);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save rules' })).toHaveProperty('disabled', true));
  });

  it('refuses to save a threshold rule without a number', async () => {
    const client = productClient();
    openProduct(client);
    const user = userEvent.setup();
    await user.clear(await screen.findByRole('spinbutton', { name: 'Rule 1 value' }));
    expect(screen.getByText('Enter a number')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save rules' })).toHaveProperty('disabled', true);
  });

  it('refuses a rule kind the watch already has, and a percentage of 100 or more', async () => {
    const client = productClient();
    openProduct(client);
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Rule 2' }), 'price-below');
    expect(screen.getByText('Already in this watch')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save rules' })).toHaveProperty('disabled', true);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rule 1' }), 'price-drop-pct');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rule 2' }), 'back-in-stock');
    const value = screen.getByRole('spinbutton', { name: 'Rule 1 value' });
    await user.clear(value);
    await user.type(value, '100');
    expect(screen.getByText('Must be a percentage above 0 and below 100')).toBeTruthy();
    expect(client.callsOf('updateWatch')).toEqual([]);
  });

  it('mutes the watch, opens the product link and copies the tracking link', async () => {
    const client = productClient();
    openProduct(client);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Mute Trail Runner 2 Shoe' }));
    expect(client.callsOf('updateWatch')).toEqual([{ id: 'w1', muted: true }]);
    expect(await screen.findByRole('button', { name: 'Unmute Trail Runner 2 Shoe' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Open product' }));
    expect(client.opened).toEqual([product.url]);
    await user.click(screen.getByRole('button', { name: 'Copy tracking link' }));
    expect(client.copied).toEqual([product.url]);
    expect(screen.getByRole('button', { name: 'Copy tracking link' }).textContent).toBe('Copied');
  });

  it('refreshes when a postback for this item arrives', async () => {
    const client = productClient();
    openProduct(client);
    await screen.findByTestId('product-facts');
    const cheaper = { ...product, currentPrice: 29.99 };
    client.data.products.set(product.key, { product: cheaper, history });
    await emit(client, { type: 'feed', entries: [makeEntry({ product: cheaper })] });
    await waitFor(() => expect(within(screen.getByTestId('product-facts')).getByText('$29.99')).toBeTruthy());
  });

  it('shows an error with a retry for an unknown product', async () => {
    const client = productClient();
    renderApp(client, '#/product/1%3Anope');
    expect(await screen.findByText(/Could not load this product: No product 1:nope/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('stops watching only after a confirm that says it deletes the watch, and the page stays', async () => {
    const client = productClient();
    openProduct(client);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Stop watching Trail Runner 2 Shoe' }));
    expect(client.callsOf('deleteWatch')).toEqual([]);
    expect(screen.getByText('Delete this watch and its rules? The product and its history stay.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Delete watch' }));
    expect(client.callsOf('deleteWatch')).toEqual([{ id: 'w1' }]);
    expect(await screen.findByText(/^Not watched\./)).toBeTruthy();
    expect(screen.getByTestId('product-facts')).toBeTruthy();
  });

  it('shows times on the chart axis when the history is less than a day long, dates otherwise', async () => {
    const client = productClient();
    const { unmount } = openProduct(client);
    const axis = await screen.findByTestId('time-axis');
    expect(axis.textContent).toMatch(/\d:\d\d/);

    unmount();
    const days = history.map((point, index) => ({ ...point, at: minutesAgo((3 - index) * 3 * 24 * 60) }));
    client.data.products.set(product.key, { product, history: days });
    openProduct(client);
    const dated = await screen.findByTestId('time-axis');
    expect(dated.textContent).not.toMatch(/\d:\d\d/);
    expect(dated.querySelectorAll('text')).toHaveLength(2);
  });

  it('says "one price so far" for a one-point history instead of showing it as both min and max', async () => {
    const single: HistoryPoint[] = [
      { at: minutesAgo(5), currentPrice: 9.99, currency: 'USD', stockAvailability: 'InStock' },
    ];
    const client = createFakeClient({ products: new Map([[product.key, { product, history: single }]]) });
    openProduct(client);
    expect((await screen.findByTestId('chart-note')).textContent).toBe('One price so far: $9.99');
    const chart = screen.getByRole('img', { name: /1 point, one price so far: \$9\.99/ });
    const labels = [...chart.querySelectorAll('text')].map((text) => text.textContent);
    expect(labels.filter((label) => label === '$9.99')).toHaveLength(1);
  });

  it('shows a price with the precision it is compared at', async () => {
    const precise = { ...product, currentPrice: 79.995 };
    const client = createFakeClient({ products: new Map([[product.key, { product: precise, history: [] }]]) });
    openProduct(client);
    expect(within(await screen.findByTestId('product-facts')).getByText('$79.995')).toBeTruthy();
  });
});
