// Issue 20: Settings speaks the user's words and warns before it deletes. A value out of range is reported by its
// label and its field is highlighted (never "retention.feedEntries must be…"); lowering what is kept says what will
// be deleted, and deletes only once the user confirms.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/errors.js';
import type { HistoryPoint } from '../../shared/contract/product.js';
import { makeEntry, makeProduct, makeSettings } from '../fakes/ui-data.js';
import { createFakeClient } from './fakeApi.js';
import { renderApp } from './renderApp.js';

const point = (price: number): HistoryPoint => ({
  at: new Date().toISOString(),
  currentPrice: price,
  stockAvailability: 'InStock',
});

describe('settings errors and deletions', () => {
  it('names an out-of-range field by its label and highlights it until it is edited', async () => {
    const client = createFakeClient();
    renderApp(client, '#/settings');
    const user = userEvent.setup();
    const feedEntries = await screen.findByRole('spinbutton', { name: 'Feed entries' });
    await user.clear(feedEntries);
    await user.type(feedEntries, '5');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Not saved: Feed entries must be a whole number from 100 to 5,000,000.',
    );
    expect(feedEntries.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('spinbutton', { name: 'Port' }).getAttribute('aria-invalid')).toBeNull();
    expect(client.callsOf('updateSettings')).toEqual([]);
    await user.type(feedEntries, '000');
    expect(feedEntries.getAttribute('aria-invalid')).toBeNull();
  });

  it('turns the API’s field path into the label, and highlights that field', async () => {
    const refused = async () => {
      throw new ApiError(400, 'receiver.allowList.0 must be an address range like 203.0.113.0/24 or 2001:db8::/32');
    };
    renderApp(createFakeClient({}, { updateSettings: refused }), '#/settings');
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Allowed senders (optional)' }), 'my office');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Not saved: Allowed senders (optional) must be an address range like 203.0.113.0/24 or 2001:db8::/32',
    );
    expect(screen.getByRole('textbox', { name: 'Allowed senders (optional)' }).getAttribute('aria-invalid')).toBe(
      'true',
    );
  });

  it('says what lowering the history kept will delete, and saves only once confirmed', async () => {
    const products = new Map(
      ['A', 'B', 'C'].map((id, index) => {
        const product = makeProduct({ catalogItemId: id });
        return [product.key, { product, history: Array.from({ length: 200 + index * 500 }, (_, i) => point(i)) }];
      }),
    );
    const feed = [...products.values()].map(({ product }) => makeEntry({ product }));
    const client = createFakeClient({ products, feed, settings: makeSettings() });
    renderApp(client, '#/settings');
    const user = userEvent.setup();
    const history = await screen.findByRole('spinbutton', { name: 'History points per product' });
    await user.clear(history);
    await user.type(history, '50');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    const warning = await screen.findByTestId('retention-warning');
    // A keeps 200 → 150 go; B 700 → 650; C 1,200 → 1,150
    expect(warning.textContent).toContain('This deletes up to 1,950 history points of 3 products.');
    expect(client.callsOf('previewRetention')).toEqual([{ historyPerProduct: 50 }]);
    expect(client.callsOf('updateSettings')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('retention-warning')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await user.click(await screen.findByRole('button', { name: 'Delete and save' }));
    await waitFor(() =>
      expect(client.callsOf('updateSettings')).toEqual([
        { retention: expect.objectContaining({ historyPerProduct: 50 }) },
      ]),
    );
    expect(await screen.findByText('Saved.')).toBeTruthy();
  });

  it('saves a raised limit at once, without asking', async () => {
    const client = createFakeClient();
    renderApp(client, '#/settings');
    const user = userEvent.setup();
    const days = await screen.findByRole('spinbutton', { name: 'Raw postbacks (days)' });
    await user.clear(days);
    await user.type(days, '30');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(client.callsOf('previewRetention')).toEqual([]);
  });
});
