// "Check now": the catch-up check asked for from the watchlist (everything) and the product page (that item), with
// its progress from Status.reconcile in the watchlist and the status line.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/errors.js';
import type { ReconcileStatus } from '../../shared/contract/impact.js';
import {
  idleReconcile,
  makeCatalog,
  makeEntry,
  makeProduct,
  makeStatus,
  makeWatch,
  minutesAgo,
} from '../fakes/ui-data.js';
import { createFakeClient } from './fakeApi.js';
import { emit, renderApp } from './renderApp.js';

const connected = { accountSid: 'IRa1b2c3d4e5', connected: true, lastCatalogSyncAt: minutesAgo(5), rateLimit: null };
const product = makeProduct({
  catalogId: '24836',
  catalogItemId: 'TENT-2P',
  name: 'Trail Tent 2P',
  brandName: 'Acme Outdoor',
});
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
/** the time as the UI writes it, maybe after a weekday (a time past midnight) */
const clock = (iso: string) =>
  `(\\w{3} )?${new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;

function checkClient(overrides = {}) {
  return createFakeClient(
    {
      account: connected,
      catalogs: [makeCatalog()],
      feed: [makeEntry({ product })],
      watches: [makeWatch({ target: { catalogId: '24836', catalogItemId: 'TENT-2P' } })],
    },
    overrides,
  );
}

const reconcileStatus = (client: ReturnType<typeof checkClient>, reconcile: ReconcileStatus) =>
  emit(client, { type: 'status', status: { ...makeStatus(), reconcile } });

describe('check now', () => {
  it('checks every watched item from the watchlist and follows the progress to the outcome', async () => {
    const client = checkClient();
    renderApp(client, '#/watchlist');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Check now' }));
    expect(client.callsOf('reconcile')).toEqual([{}]);

    await reconcileStatus(client, idleReconcile({ running: true, checked: 120, total: 800, nextAt: inMinutes(360) }));
    const progress = screen.getByTestId('check-progress');
    expect(progress.textContent).toBe('Checking 120 of 800…');
    expect(screen.getByTestId('reconcile-line').textContent).toBe('Checking 120 of 800…');
    expect(screen.getByRole('button', { name: 'Checking…' })).toHaveProperty('disabled', true);

    const done = { checked: 800, total: 800, changed: 3, lastFinishedAt: new Date().toISOString() };
    const nextAt = inMinutes(360);
    await reconcileStatus(client, idleReconcile({ ...done, nextAt }));
    expect(progress.textContent).toMatch(
      new RegExp(`^Checked just now: 3 changes found · next check at ${clock(nextAt)}$`),
    );
    expect(screen.getByRole('button', { name: 'Check now' })).toHaveProperty('disabled', false);
  });

  it('says when impact.com’s hourly limit holds the rest of a check back, and until when', async () => {
    const client = checkClient();
    renderApp(client, '#/watchlist');
    await screen.findByRole('button', { name: 'Check now' });
    const nextAt = inMinutes(40);
    await reconcileStatus(client, idleReconcile({ running: true, checked: 500, total: 3000, nextAt }));
    expect(screen.getByTestId('reconcile-line').textContent).toMatch(
      new RegExp(`^Checking 500 of 3,000… · impact.com's hourly limit holds the rest: next batch at ${clock(nextAt)}$`),
    );
  });

  it('shows why the last check stopped in plain words, in the status line on every view', async () => {
    const client = checkClient();
    renderApp(client, '#/feed');
    await screen.findByTestId('status-line');
    expect(screen.queryByTestId('reconcile-line')).toBeNull();
    const stopped = idleReconcile({ checked: 2, total: 9, error: 'impact.com refused these credentials' });
    await reconcileStatus(client, { ...stopped, lastFinishedAt: minutesAgo(1) });
    expect(screen.getByTestId('reconcile-line').textContent).toBe(
      'The last check stopped: impact.com refused these credentials',
    );
  });

  it('offers no check without an account', async () => {
    const client = createFakeClient({ watches: [makeWatch()] });
    renderApp(client, '#/watchlist');
    await screen.findByTestId('search-needs-account');
    expect(screen.queryByRole('button', { name: 'Check now' })).toBeNull();
  });

  it('checks one item from its product page and says what was found on check', async () => {
    const client = checkClient();
    renderApp(client, `#/product/${encodeURIComponent(product.key)}`);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Check now' }));
    expect(client.callsOf('reconcile')).toEqual([{ keys: ['24836:TENT-2P'] }]);
    await reconcileStatus(client, idleReconcile({ running: true, total: 1 }));
    expect(screen.getByTestId('product-check').textContent).toBe('Checking 0 of 1…');

    const alert = { watchId: 'w1', kind: 'price-change' as const, message: 'Price dropped 12.5%' };
    const found = makeEntry({
      id: 'e9',
      seq: 9,
      product,
      source: 'api',
      at: new Date().toISOString(),
      alerts: [alert],
    });
    await emit(client, { type: 'feed', entries: [found] });
    await reconcileStatus(
      client,
      idleReconcile({ total: 1, checked: 1, changed: 1, lastFinishedAt: new Date().toISOString() }),
    );
    const check = screen.getByTestId('product-check');
    expect(within(check).getByText('Found on check')).toBeTruthy();
    expect(check.textContent).toBe('Found on check just now: $39.99 → $34.99 (−12.5%) · Alert: Price dropped 12.5%');
  });

  it('says so when the item had not changed', async () => {
    const client = checkClient();
    renderApp(client, `#/product/${encodeURIComponent(product.key)}`);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Check now' }));
    // a postback's entry is no news from a check
    await emit(client, { type: 'feed', entries: [makeEntry({ id: 'e8', seq: 8, product })] });
    await reconcileStatus(client, idleReconcile({ total: 1, checked: 1, lastFinishedAt: new Date().toISOString() }));
    await waitFor(() =>
      expect(screen.getByTestId('product-check').textContent).toBe('Checked just now: no changes found'),
    );
  });

  it('says why a check could not start', async () => {
    const client = checkClient({
      reconcile: async () => {
        throw new ApiError(409, 'Connect an impact.com account first (Settings → impact.com account).');
      },
    });
    renderApp(client, '#/watchlist');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Check now' }));
    expect((await screen.findByTestId('check-progress')).textContent).toBe(
      'Could not start the check: Connect an impact.com account first (Settings → impact.com account).',
    );
  });
});
