// "Mark all read" marks what the feed shows, says how many, and offers Undo that brings exactly those back.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeEntry, makeProduct, makeStatus } from '../fakes/ui-data.js';
import { createFakeClient } from './fakeApi.js';
import { renderApp } from './renderApp.js';

const rows = () => screen.queryAllByTestId('feed-entry');
const unreadRows = () => rows().filter((row) => row.className.includes('unread'));
const alert = { watchId: 'w1', kind: 'price-below' as const, message: 'Price below $35.00' };

function feedWithAlerts() {
  const entry = (seq: number, alerted: boolean) =>
    makeEntry({
      id: `e${seq}`,
      seq,
      product: makeProduct({ catalogItemId: `SKU-${seq}`, name: `Product ${seq}` }),
      alerts: alerted ? [alert] : [],
    });
  return [entry(5, false), entry(4, true), entry(3, false), entry(2, true), entry(1, false)];
}

describe('mark all read', () => {
  it('with Alerts shown marks only the alerts, and Undo makes exactly those unread again', async () => {
    const client = createFakeClient({ feed: feedWithAlerts(), status: makeStatus({}, { unread: 5 }) });
    renderApp(client);
    const user = userEvent.setup();
    await waitFor(() => expect(rows()).toHaveLength(5));

    await user.click(screen.getByRole('button', { name: 'Alerts' }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    await user.click(screen.getByRole('button', { name: 'Mark all read' }));
    expect(client.callsOf('markRead').at(-1)).toEqual({ all: true, filter: { filter: 'alerts' } });
    const notice = await screen.findByText('Marked 2 read');
    expect(unreadRows()).toHaveLength(0);
    expect(client.data.feed.filter((entry) => !entry.read).map((entry) => entry.id)).toEqual(['e5', 'e3', 'e1']);
    expect(screen.getByTestId('nav-unread').textContent).toContain('3');

    await user.click(within(notice.closest('[role="status"]') as HTMLElement).getByRole('button', { name: 'Undo' }));
    await screen.findByText('2 entries unread again.');
    expect(client.callsOf('undoMarkRead')).toHaveLength(1);
    expect(unreadRows()).toHaveLength(2);
    expect(client.data.feed.every((entry) => !entry.read)).toBe(true);
    expect(screen.getByTestId('nav-unread').textContent).toContain('5');
  });

  it('marks what a search shows, and says so when nothing there was unread', async () => {
    const client = createFakeClient({ feed: feedWithAlerts(), status: makeStatus({}, { unread: 5 }) });
    renderApp(client);
    const user = userEvent.setup();
    await waitFor(() => expect(rows()).toHaveLength(5));
    await user.type(screen.getByRole('searchbox', { name: /search the feed/i }), 'SKU-3');
    await waitFor(() => expect(rows()).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Mark all read' }));
    expect(client.callsOf('markRead').at(-1)).toEqual({ all: true, filter: { q: 'SKU-3' } });
    await screen.findByText('Marked 1 read');
    expect(client.data.feed.filter((entry) => entry.read).map((entry) => entry.id)).toEqual(['e3']);

    await user.click(screen.getByRole('button', { name: 'Mark all read' }));
    await screen.findByText('Nothing here was unread.');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });
});
