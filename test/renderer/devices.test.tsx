// Settings → Devices on the hub's own UI: what a hub is when it runs no remote listener; otherwise the devices, adding
// one (its pairing link, code, browser link and the time left, until it has paired) and revoking one after a confirm.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeStatus } from '../fakes/ui-data.js';
import { createFakeClient } from './fakeApi.js';
import { renderApp } from './renderApp.js';

const REMOTE = { url: 'https://hub.example:8789', fingerprint: 'a'.repeat(64) };
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

afterEach(() => vi.useRealTimers());

describe('Settings → Devices', () => {
  it('explains how to become a hub when no remote listener runs', async () => {
    renderApp(createFakeClient(), '#/settings');
    const devices = await screen.findByTestId('devices');
    expect(devices.textContent).toContain('Start with --remote-port to let other devices follow this Shelfwatch');
    expect(devices.textContent).toContain('npm run serve -- --remote-port 8789');
    expect(devices.textContent).toContain('“Run a hub”');
    expect(within(devices).queryByRole('button', { name: 'Add a device' })).toBeNull();
  });

  it('lists each device with when it paired, when and from where it was last seen', async () => {
    const client = createFakeClient({
      status: makeStatus({}, { remote: REMOTE }),
      devices: [
        {
          id: 'd1',
          name: 'Work laptop',
          pairedAt: minutesAgo(3 * 1440),
          lastSeenAt: minutesAgo(2),
          lastAddress: '203.0.113.5',
        },
        { id: 'd2', name: 'Phone', pairedAt: null, lastSeenAt: null, lastAddress: null },
      ],
    });
    renderApp(client, '#/settings');
    const rows = await screen.findAllByTestId('device-row');
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/Work laptopPaired 3 days ago · Last seen 2 min ago from 203\.0\.113\.5Revoke/),
      expect.stringMatching(/PhoneNot paired yet · Never seenRevoke/),
    ]);
  });

  it('adds a device: its pairing link to copy, its code, a browser link and the time left, until it pairs', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const client = createFakeClient({ status: makeStatus({}, { remote: REMOTE }) });
    renderApp(client, '#/settings');
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.type(await screen.findByRole('textbox', { name: 'Device name' }), 'Work laptop');
    await user.click(screen.getByRole('button', { name: 'Add a device' }));
    expect(client.callsOf('addDevice')).toEqual([{ name: 'Work laptop' }]);

    const card = await screen.findByTestId('pairing-card');
    const link = within(card).getByTestId('pairing-link').textContent ?? '';
    expect(link).toMatch(/^shelfwatch:\/\/pair\?hub=https%3A%2F%2Fhub\.example%3A8789&code=K7QM-3RXT-9HZC&fp=a{64}$/);
    await user.click(within(card).getByRole('button', { name: 'Copy the pairing link' }));
    expect(client.copied).toEqual([link]);
    expect(within(card).getByTestId('pairing-code').textContent).toBe('K7QM-3RXT-9HZC');
    expect(within(card).getByTestId('browser-link').textContent).toBe('https://hub.example:8789/#pair=K7QM-3RXT-9HZC');
    expect(within(card).getByTestId('pairing-countdown').textContent).toMatch(/^(10:00|9:5\d)$/);
    await act(async () => vi.advanceTimersByTime(61_000));
    expect(within(card).getByTestId('pairing-countdown').textContent).toMatch(/^(8:59|8:5\d)$/);

    // the device uses its code: the card gives way to "paired"
    const added = client.data.devices[0];
    if (added) added.pairedAt = new Date().toISOString();
    await act(async () => vi.advanceTimersByTime(3_000));
    expect((await screen.findByTestId('device-paired')).textContent).toBe('✓ Work laptop is paired.');
    expect(screen.queryByTestId('pairing-card')).toBeNull();
  });

  it('says when a code expired unused', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const client = createFakeClient({ status: makeStatus({}, { remote: REMOTE }) });
    renderApp(client, '#/settings');
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.click(await screen.findByRole('button', { name: 'Add a device' }));
    await screen.findByTestId('pairing-card');
    await act(async () => vi.advanceTimersByTime(10 * 60_000 + 1_000));
    expect(screen.getByTestId('pairing-expired').textContent).toMatch(/expired unused\. Add the device again/);
  });

  it('revokes a device only after the inline confirm', async () => {
    const client = createFakeClient({
      status: makeStatus({}, { remote: REMOTE }),
      devices: [{ id: 'd1', name: 'Old phone', pairedAt: minutesAgo(60), lastSeenAt: null, lastAddress: null }],
    });
    renderApp(client, '#/settings');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Revoke Old phone' }));
    expect(client.callsOf('revokeDevice')).toEqual([]);
    expect(screen.getByText('Old phone loses access at once.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Yes, revoke' }));
    expect(client.callsOf('revokeDevice')).toEqual([{ id: 'd1' }]);
    await waitFor(() => expect(screen.queryByTestId('device-row')).toBeNull());
    expect(screen.getByText('No devices yet.')).toBeTruthy();
  });
});
