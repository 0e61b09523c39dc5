// The status line says when this UI cannot reach the Shelfwatch it shows, keeps showing the last data, reports a data
// upgrade's progress, and reloads every view when a hub says what was missed is gone (`reset`).
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StreamConnection } from '../../renderer/src/api/eventStream.js';
import { clockTime } from '../../renderer/src/lib/relativeTime.js';
import { makeStatus } from '../fakes/ui-data.js';
import { createFakeClient, type FakeClient } from './fakeApi.js';
import { emit, renderApp } from './renderApp.js';

const HUB = 'https://hub.example:8789';
const SINCE = new Date(new Date().setHours(10, 32, 0, 0)).toISOString();
const line = () => screen.queryByTestId('connection-line')?.textContent ?? null;

/** A browser's event stream whose state the test moves. */
function withStream(client: FakeClient) {
  let current: StreamConnection = { state: 'live', since: null };
  const listeners = new Set<(connection: StreamConnection) => void>();
  client.connection = {
    get: () => current,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return async (next: StreamConnection) => {
    current = next;
    await act(async () => {
      for (const listener of listeners) listener(next);
    });
  };
}

describe('the connection line', () => {
  it('desktop following a hub: unreachable since when, retrying, while the feed keeps what it had', async () => {
    const error = 'Cannot reach the hub at hub.example:8789: ECONNREFUSED';
    const client = createFakeClient({
      status: makeStatus({}, { hub: { url: HUB, state: 'unreachable', since: SINCE, error } }),
    });
    renderApp(client, '#/feed');
    await waitFor(() => expect(line()).toBe(`Hub unreachable since ${clockTime(SINCE)} — retrying (${error})`));
    expect(await screen.findAllByTestId('feed-entry')).toHaveLength(5);

    await emit(client, {
      type: 'status',
      status: makeStatus({}, { hub: { url: HUB, state: 'connecting', since: SINCE, error: null } }),
    });
    expect(line()).toBe('Connecting to the hub…');
    await emit(client, {
      type: 'status',
      status: makeStatus({}, { hub: { url: HUB, state: 'live', since: SINCE, error: null } }),
    });
    expect(line()).toBeNull();
  });

  it('desktop refused by the hub: why, and to pair again in Settings', async () => {
    const error = "This device's access was revoked on the hub. Pair again.";
    renderApp(
      createFakeClient({ status: makeStatus({}, { hub: { url: HUB, state: 'refused', since: SINCE, error } }) }),
    );
    await waitFor(() =>
      expect(line()).toBe("This device's access was revoked on the hub. Pair again in Settings. Open Settings"),
    );
    expect(screen.getByRole('link', { name: 'Open Settings' }).getAttribute('href')).toBe('#/settings');
  });

  it('browser of a device: says so when its event stream to the hub is down, and nothing once it is back', async () => {
    const client = createFakeClient({ status: makeStatus({}, { device: { id: 'd1', name: 'Browser on Linux' } }) });
    const move = withStream(client);
    renderApp(client, '#/feed');
    await screen.findAllByTestId('feed-entry');
    expect(line()).toBeNull();
    await move({ state: 'unreachable', since: SINCE });
    expect(line()).toBe(`Hub unreachable since ${clockTime(SINCE)} — retrying`);
    expect(screen.getAllByTestId('feed-entry')).toHaveLength(5);
    await move({ state: 'live', since: null });
    expect(line()).toBeNull();
  });

  it('the hub’s own UI in a browser names Shelfwatch itself', async () => {
    const client = createFakeClient();
    const move = withStream(client);
    renderApp(client, '#/feed');
    await screen.findAllByTestId('feed-entry');
    await move({ state: 'unreachable', since: SINCE });
    expect(line()).toBe(`Shelfwatch unreachable since ${clockTime(SINCE)} — retrying`);
  });

  it('shows how far a data upgrade got', async () => {
    renderApp(createFakeClient({ status: makeStatus({}, { upgrade: { done: 45_000, total: 133_000 } }) }));
    expect((await screen.findByTestId('upgrade-line')).textContent).toMatch(/^Upgrading your data: 45,000 of 133,000…/);
  });

  it('reloads every view when the hub says what was missed is gone', async () => {
    const client = createFakeClient();
    renderApp(client, '#/feed');
    await screen.findAllByTestId('feed-entry');
    const before = { feed: client.callsOf('feed').length, status: client.callsOf('status').length };
    await emit(client, { type: 'reset' });
    await waitFor(() => expect(client.callsOf('feed').length).toBeGreaterThan(before.feed));
    expect(client.callsOf('status').length).toBeGreaterThan(before.status);
    expect(await screen.findAllByTestId('feed-entry')).toHaveLength(5);
  });
});
