import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { FeedEntry } from '../../shared/contract/feed.js';
import { makeEntry, makeFeed, makeProduct, minutesAgo } from '../fakes/ui-data.js';
import { createFakeClient } from './fakeApi.js';
import { emit, renderApp } from './renderApp.js';

const rows = () => screen.queryAllByTestId('feed-entry');

describe('feed', () => {
  it('says in words and numbers what changed, newest first, with name, image and relative time', async () => {
    const older = makeEntry({ id: 'old', seq: 1, product: makeProduct({ catalogItemId: 'OLD-1', name: 'Old Boot' }) });
    const newer = makeEntry({
      id: 'new',
      seq: 2,
      changes: [{ field: 'stockAvailability', from: 'OutOfStock', to: 'InStock' }],
      product: makeProduct({ name: undefined, catalogItemId: 'NONAME-9', imageUrl: undefined }),
    });
    const client = createFakeClient({ feed: [newer, older] });
    renderApp(client);

    await waitFor(() => expect(rows()).toHaveLength(2));
    const [first, second] = rows();
    // no name → the item id stands in
    expect(within(first as HTMLElement).getByRole('link', { name: /NONAME-9/ })).toBeTruthy();
    expect(within(first as HTMLElement).getByText('Out of stock → In stock')).toBeTruthy();
    expect(within(second as HTMLElement).getByText('$39.99 → $34.99 (−12.5%)')).toBeTruthy();
    const image = within(second as HTMLElement).getByRole('img', { name: 'Old Boot' });
    expect(image.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(image.getAttribute('loading')).toBe('lazy');
    const time = within(second as HTMLElement).getByText('2 min ago');
    expect(time.getAttribute('title')).toBeTruthy();
  });

  it('words each kind of entry the way a partner reads it', async () => {
    const named = (catalogItemId: string, name: string) => makeProduct({ catalogItemId, name });
    // the product has been updated since its first entry: that entry still says what it started at
    const first = makeEntry({
      id: 'first',
      seq: 1,
      operation: 'Insert',
      isNew: true,
      product: makeProduct({ catalogItemId: 'FIRST-1', name: 'First Kettle', currentPrice: 34.99 }),
      changes: [
        { field: 'name', from: null, to: 'First Kettle' },
        { field: 'currentPrice', from: null, to: 39.99 },
        { field: 'currency', from: null, to: 'USD' },
        { field: 'stockAvailability', from: null, to: 'InStock' },
      ],
    });
    const full = makeEntry({
      id: 'full',
      seq: 2,
      product: named('FULL-1', 'Full Update Lamp'),
      changes: [
        { field: 'campaignId', from: '1', to: '2' },
        { field: 'name', from: 'Lamp', to: 'Full Update Lamp' },
        { field: 'imageUrl', from: 'https://img.example/a.jpg', to: 'https://img.example/b.jpg' },
        { field: 'stockAvailability', from: 'OutOfStock', to: 'InStock' },
        { field: 'currentPrice', from: 85, to: 79 },
      ],
    });
    const odd = makeEntry({
      id: 'odd',
      seq: 3,
      product: named('ODD-1', 'Odd Operation Mug'),
      unknownOperation: 'Create',
      changes: [{ field: 'inventory', from: 12, to: 3 }],
    });
    const checked = makeEntry({
      id: 'checked',
      seq: 4,
      product: named('CHECK-1', 'Checked Chair'),
      source: 'api',
      changes: [{ field: 'stockAvailability', from: 'InStock', to: 'OutOfStock' }],
    });
    const idsOnly = makeProduct({
      catalogItemId: 'GONE-1',
      name: undefined,
      url: undefined,
      imageUrl: undefined,
      currentPrice: undefined,
      originalPrice: undefined,
      currency: undefined,
      campaignId: undefined,
      inventory: undefined,
      stockAvailability: 'Unknown',
      firstSeenAt: minutesAgo(1),
      updatedAt: minutesAgo(1),
    });
    const gone = makeEntry({ id: 'gone', seq: 5, operation: 'Delete', product: idsOnly, changes: [] });
    renderApp(createFakeClient({ feed: [gone, checked, odd, full, first] }));

    await waitFor(() => expect(rows()).toHaveLength(5));
    const change = (name: string | RegExp) => {
      const row = rows().find((candidate) => within(candidate).queryByRole('link', { name }));
      return row ? within(row).getByTestId('feed-change').textContent : null;
    };
    expect(change(/First Kettle/)).toBe('New: $39.99 · In stock');
    expect(change(/Full Update Lamp/)).toBe(
      '$85.00 → $79.00 (−7.1%), Out of stock → In stock, Program 1 → 2, Name changed, Image changed',
    );
    expect(change(/Odd Operation Mug/)).toBe(
      'Inventory 12 → 3 · Unrecognized operation “Create”, applied as an update',
    );
    expect(change(/GONE-1/)).toBe('Removed from catalog (never seen before)');
    // only an entry found by checking impact.com says so
    const marked = rows().filter((row) => within(row).queryByText('found on check'));
    expect(marked).toHaveLength(1);
    expect(within(marked[0] as HTMLElement).getByRole('link', { name: /Checked Chair/ })).toBeTruthy();
  });

  it('shows a price with the precision it is compared at', async () => {
    const precise = makeEntry({ changes: [{ field: 'currentPrice', from: 85, to: 79.995 }] });
    renderApp(createFakeClient({ feed: [precise] }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(within(rows()[0] as HTMLElement).getByTestId('feed-change').textContent).toBe('$85.00 → $79.995 (−5.9%)');
  });

  it('asks the API for the chosen filter', async () => {
    const client = createFakeClient();
    renderApp(client);
    const user = userEvent.setup();
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    await user.click(screen.getByRole('button', { name: 'Alerts' }));
    await waitFor(() => expect(client.callsOf('feed').at(-1)?.filter).toBe('alerts'));
    expect(screen.getByRole('button', { name: 'Alerts' }).getAttribute('aria-pressed')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Watched' }));
    await waitFor(() => expect(client.callsOf('feed').at(-1)?.filter).toBe('watched'));
    // only SKU-1 is watched in the fake
    await waitFor(() => expect(rows()).toHaveLength(1));
  });

  it('debounces the search into one q request', async () => {
    const client = createFakeClient();
    renderApp(client);
    const user = userEvent.setup();
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    await user.type(screen.getByRole('searchbox', { name: /search the feed/i }), 'SKU-3');
    await waitFor(() => expect(client.callsOf('feed').at(-1)?.q).toBe('SKU-3'));
    const queries = client.callsOf('feed').map((req) => req.q);
    expect(queries.filter((q) => q !== undefined)).toEqual(['SKU-3']);
    await waitFor(() => expect(rows()).toHaveLength(1));
  });

  it('puts a live entry at the top', async () => {
    const client = createFakeClient();
    renderApp(client);
    await waitFor(() => expect(rows()).toHaveLength(5));
    const live = makeEntry({
      id: 'live',
      seq: 999,
      product: makeProduct({ catalogItemId: 'LIVE-1', name: 'Live Jacket' }),
    });
    await emit(client, { type: 'feed', entries: [live] });
    expect(rows()).toHaveLength(6);
    expect(within(rows()[0] as HTMLElement).getByText('Live Jacket')).toBeTruthy();
    // the same entry again (e.g. as an alert event) is not duplicated
    await emit(client, { type: 'alert', entries: [live] });
    expect(rows()).toHaveLength(6);
  });

  it('keeps a live entry that arrives while the first page is still loading', async () => {
    // The page is answered from the engine's state before the postback was applied, but arrives after its event.
    let answer: (page: { items: FeedEntry[]; next: null; total: number }) => void = () => undefined;
    const pending = new Promise<{ items: FeedEntry[]; next: null; total: number }>((resolve) => {
      answer = resolve;
    });
    const client = createFakeClient({}, { feed: () => pending });
    renderApp(client);
    await waitFor(() => expect(client.callsOf('feed')).toHaveLength(1));
    const live = makeEntry({
      id: 'live',
      seq: 999,
      product: makeProduct({ catalogItemId: 'LIVE-1', name: 'Live Jacket' }),
    });
    await emit(client, { type: 'feed', entries: [live] });
    await act(async () => answer({ items: makeFeed(2), next: null, total: 2 }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(within(rows()[0] as HTMLElement).getByText('Live Jacket')).toBeTruthy();
    expect(screen.getByTestId('feed-count').textContent).toBe('3 entries');
  });

  it('marks an entry read when opened, and all with the button', async () => {
    const client = createFakeClient();
    renderApp(client);
    const user = userEvent.setup();
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(screen.getByTestId('nav-unread').textContent).toContain('3');
    const first = rows()[0] as HTMLElement;
    expect(first.className).toContain('unread');
    await user.click(within(first).getByRole('link', { name: /Product 5/ }));
    expect(client.callsOf('markRead')).toEqual([{ ids: ['e5'] }]);
    window.location.hash = '#/feed';
    await waitFor(() => expect(rows()).toHaveLength(5));
    await user.click(screen.getByRole('button', { name: 'Mark all read' }));
    expect(client.callsOf('markRead').at(-1)).toEqual({ all: true });
    await waitFor(() => expect(screen.queryByTestId('nav-unread')).toBeNull());
    expect(rows().every((row) => row.className.includes(' read'))).toBe(true);
  });

  it('highlights alerts and watches with one click using the default rules', async () => {
    const alerted = makeEntry({
      id: 'a1',
      seq: 10,
      product: makeProduct({ catalogItemId: 'ALERT-1', name: 'Alert Lamp' }),
      alerts: [{ watchId: 'w1', kind: 'price-below', message: 'Price below $35.00' }],
    });
    const client = createFakeClient({ feed: [alerted], watches: [] });
    renderApp(client);
    const user = userEvent.setup();
    await waitFor(() => expect(rows()).toHaveLength(1));
    const row = rows()[0] as HTMLElement;
    expect(row.className).toContain('has-alert');
    expect(within(row).getByText(/Price below \$35\.00/)).toBeTruthy();
    await user.click(within(row).getByRole('button', { name: 'Watch Alert Lamp' }));
    expect(client.callsOf('createWatch')).toEqual([
      {
        target: { catalogId: '7001', catalogItemId: 'ALERT-1' },
        rules: [{ kind: 'price-change' }, { kind: 'back-in-stock' }, { kind: 'out-of-stock' }, { kind: 'removed' }],
      },
    ]);
    await waitFor(() => expect(within(row).getByText('Watching')).toBeTruthy());
  });

  it('loads older pages as the user scrolls down', async () => {
    const client = createFakeClient({ feed: makeFeed(250) });
    renderApp(client);
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    expect(client.callsOf('feed')).toHaveLength(1);
    const scroller = screen.getByTestId('feed-scroller');
    scroller.scrollTo({ top: 95 * 88 });
    await waitFor(() => expect(client.callsOf('feed').at(-1)?.before).toBe('e151'));
    expect(screen.getByTestId('feed-count').textContent).toBe('250 entries');
  });

  it('says what to do when nothing has arrived yet', async () => {
    const client = createFakeClient({ feed: [] });
    renderApp(client);
    const empty = await screen.findByTestId('feed-empty');
    expect(empty.textContent).toContain('No postbacks yet');
    expect(within(empty).getByRole('link', { name: 'Setup' }).getAttribute('href')).toBe('#/setup');
  });

  it('shows an error with a retry that works', async () => {
    let fail = true;
    const client = createFakeClient({}, {});
    const realFeed = client.api.feed;
    client.api.feed = (req) => (fail ? Promise.reject(new Error('store is busy')) : realFeed(req));
    renderApp(client);
    const user = userEvent.setup();
    expect(await screen.findByText(/Could not load the feed: store is busy/)).toBeTruthy();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(rows()).toHaveLength(5));
  });
});
