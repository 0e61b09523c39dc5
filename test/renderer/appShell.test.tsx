import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeStatus } from '../fakes/ui-data.js';
import { createFakeClient } from './fakeApi.js';
import { emit, renderApp } from './renderApp.js';

describe('app shell', () => {
  it('navigates between the views and shows the unread count in the nav', async () => {
    const client = createFakeClient();
    renderApp(client, '');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const feedLink = await within(nav).findByRole('link', { name: 'Feed 3 unread' });
    // someone who has received postbacks starts at the feed
    await waitFor(() => expect(feedLink.getAttribute('aria-current')).toBe('page'));
    const user = userEvent.setup();
    await user.click(within(nav).getByRole('link', { name: 'Watchlist' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Watchlist' })).toBeTruthy();
    await user.click(within(nav).getByRole('link', { name: 'Settings' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    await emit(client, { type: 'status', status: makeStatus({}, { unread: 9 }) });
    expect(within(nav).getByRole('link', { name: 'Feed 9 unread' })).toBeTruthy();
  });

  it('shows a receiver fault as an alert with what to do', async () => {
    const client = createFakeClient();
    renderApp(client);
    await screen.findByTestId('status-line');
    expect(screen.queryByTestId('receiver-fault')).toBeNull();
    await emit(client, { type: 'status', status: makeStatus({ fault: 'ENOSPC: no space left on device' }) });
    const banner = screen.getByTestId('receiver-fault');
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toContain('ENOSPC: no space left on device');
    expect(banner.textContent).toMatch(/Free some disk space/);
  });

  it('shows a notice until dismissed, and not again', async () => {
    const notice = 'The store was corrupt and was rebuilt from the journal.';
    const client = createFakeClient({
      status: makeStatus({}, { notices: [{ code: 'state-rebuilt', message: notice }] }),
    });
    const user = userEvent.setup();
    const { unmount } = renderApp(client);
    expect(await screen.findByText(notice)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: `Dismiss: ${notice}` }));
    expect(screen.queryByText(notice)).toBeNull();
    unmount();
    renderApp(client);
    await screen.findByTestId('status-line');
    expect(screen.queryByText(notice)).toBeNull();
  });

  it('offers a retry when Shelfwatch does not answer', async () => {
    let down = true;
    const client = createFakeClient();
    const status = client.api.status;
    client.api.status = (req) => (down ? Promise.reject(new Error('connection refused')) : status(req));
    renderApp(client);
    expect(await screen.findByText('Shelfwatch is not answering: connection refused')).toBeTruthy();
    down = false;
    await userEvent.setup().click(screen.getAllByRole('button', { name: 'Retry' })[0] as HTMLElement);
    expect(await screen.findByTestId('status-line')).toBeTruthy();
  });
});

describe('routes the desktop face sends', () => {
  it('opens the feed filtered to alerts from a digest notification', async () => {
    const client = createFakeClient();
    renderApp(client, '#/feed?filter=alerts');
    await waitFor(() => expect(client.callsOf('feed').at(-1)?.filter).toBe('alerts'));
    expect(screen.getByRole('button', { name: 'Alerts' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('follows onNavigate from the bridge to a product', async () => {
    let navigateTo: (route: string) => void = () => {};
    const client = createFakeClient();
    client.onNavigate = (listener) => {
      navigateTo = listener;
      return () => {};
    };
    renderApp(client);
    await screen.findByTestId('status-line');
    navigateTo(`#/product/${encodeURIComponent('7001:SKU-1')}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Product 1' })).toBeTruthy();
  });
});
