// A UI that is a device of a hub (a paired browser, or the desktop following a hub) leaves out what only the hub may
// do, and saves only the settings groups that changed (the hub answers 403 to a device changing its receiver).
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeStatus } from '../fakes/ui-data.js';
import { createFakeClient } from './fakeApi.js';
import { renderApp } from './renderApp.js';

const REMOTE = { url: 'https://hub.example:8789', fingerprint: null };

describe('a device following a hub', () => {
  it('does not offer devices, the postback secret, the receiver, the retention or the field mapping', async () => {
    const client = createFakeClient({
      status: makeStatus({}, { remote: REMOTE, device: { id: 'd1', name: 'Browser on Linux' } }),
    });
    renderApp(client, '#/settings');
    await screen.findByRole('checkbox', { name: 'Play a sound' });
    await waitFor(() => expect(client.callsOf('status')).toHaveLength(1));
    expect(screen.queryByTestId('devices')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Regenerate secret' })).toBeNull();
    expect(screen.queryByRole('spinbutton', { name: 'Port' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Host' })).toBeNull();
    expect(screen.queryByRole('spinbutton', { name: 'Feed entries' })).toBeNull();
    expect(screen.queryByRole('group', { name: 'Field mapping' })).toBeNull();
  });

  it('saves only what changed, never the receiver', async () => {
    const client = createFakeClient({ status: makeStatus({}, { device: { id: 'd1', name: 'Ada' } }) });
    renderApp(client, '#/settings');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('checkbox', { name: 'Play a sound' }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(client.callsOf('updateSettings')).toEqual([{ notifications: expect.objectContaining({ sound: false }) }]);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Nothing changed.')).toBeTruthy();
    expect(client.callsOf('updateSettings')).toHaveLength(1);
  });

  it('the hub’s own UI keeps all of them', async () => {
    renderApp(createFakeClient({ status: makeStatus({}, { remote: REMOTE, device: null }) }), '#/settings');
    expect(await screen.findByTestId('devices')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Regenerate secret' })).toBeTruthy();
    expect(screen.getByRole('spinbutton', { name: 'Port' })).toBeTruthy();
    expect(screen.getByRole('spinbutton', { name: 'Feed entries' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Field mapping' })).toBeTruthy();
  });
});
