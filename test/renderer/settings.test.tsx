import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SETTINGS_RANGES } from '../../shared/contract/ranges.js';
import { makeSettings, makeSetup } from '../fakes/ui-data.js';
import { createFakeClient } from './fakeApi.js';
import { renderApp } from './renderApp.js';

/** What a screen reader reads after a field's name: its notes and hints. */
function description(element: HTMLElement): string {
  const ids = element.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('settings', () => {
  it('edits the field mapping, previews it on a pasted postback, and saves it', async () => {
    const client = createFakeClient();
    renderApp(client, '#/settings');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add mapping' }));
    await user.type(screen.getByRole('textbox', { name: 'Incoming key 1' }), 'preis');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Canonical field for key 1' }), 'currentPrice');
    await user.click(screen.getByRole('textbox', { name: 'Raw postback' }));
    await user.paste('{"preis":"19.99","artikel":"X-1"}');

    const preview = await screen.findByTestId('mapping-preview');
    await waitFor(() => expect(client.callsOf('previewMapping').at(-1)?.mapping).toEqual({ preis: 'currentPrice' }));
    expect(client.callsOf('previewMapping').at(-1)?.raw).toMatchObject({
      method: 'POST',
      contentType: 'application/json',
      body: '{"preis":"19.99","artikel":"X-1"}',
    });
    const row = within(preview).getByRole('row', { name: /preis/ });
    expect(within(row).getByText('currentPrice')).toBeTruthy();
    expect(within(preview).getByText('Not usable: No catalog id')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(client.callsOf('updateSettings')[0]?.mapping).toEqual({ preis: 'currentPrice' });
    expect(await screen.findByText('Saved.')).toBeTruthy();
  });

  it('offers the number ranges the API accepts', async () => {
    renderApp(createFakeClient(), '#/settings');
    const range = (name: string | RegExp) => {
      const input = screen.getByRole('spinbutton', { name });
      return { min: Number(input.getAttribute('min')), max: Number(input.getAttribute('max')) };
    };
    await screen.findByRole('spinbutton', { name: 'Feed entries' });
    expect(range('Feed entries')).toEqual(SETTINGS_RANGES.retention.feedEntries);
    expect(range('History points per product')).toEqual(SETTINGS_RANGES.retention.historyPerProduct);
    expect(range(/^Raw postbacks \(days\)/)).toEqual(SETTINGS_RANGES.retention.journalDays);
    expect(range(/^Digest window \(seconds\)/)).toEqual(SETTINGS_RANGES.notifications.digestWindowSeconds);
    expect(range('Port')).toEqual(SETTINGS_RANGES.receiver.port);
  });

  it('previews a quarantined postback picked from the list', async () => {
    const client = createFakeClient({ settings: makeSettings({ mapping: { artikel: 'catalogItemId' } }) });
    renderApp(client, '#/settings');
    const user = userEvent.setup();
    const source = await screen.findByRole('combobox', { name: 'Try it on' });
    await waitFor(() => expect(within(source).getAllByRole('option')).toHaveLength(2));
    await user.selectOptions(source, 'q1');
    const preview = await screen.findByTestId('mapping-preview');
    expect(within(preview).getByRole('row', { name: /artikel X-1 catalogItemId/ })).toBeTruthy();
    expect(client.callsOf('previewMapping').at(-1)?.raw.body).toContain('artikel');
  });

  it('saves notifications, quiet hours and receiver settings, sending only the groups that changed', async () => {
    const client = createFakeClient();
    renderApp(client, '#/settings');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('checkbox', { name: 'Play a sound' }));
    await user.click(screen.getByRole('checkbox', { name: 'Quiet hours' }));
    const digest = screen.getByRole('spinbutton', { name: /Digest window/ });
    await user.clear(digest);
    await user.type(digest, '30');
    const port = screen.getByRole('spinbutton', { name: 'Port' });
    await user.clear(port);
    await user.type(port, '9000');
    expect(screen.getByTestId('restart-note').textContent).toMatch(/restart/);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    const patch = client.callsOf('updateSettings')[0];
    expect(patch?.notifications).toEqual({
      enabled: true,
      sound: false,
      digestWindowSeconds: 30,
      quietHours: { start: '22:00', end: '07:00' },
    });
    expect(patch?.receiver).toMatchObject({ port: 9000, host: '127.0.0.1' });
    expect(Object.keys(patch ?? {}).sort()).toEqual(['notifications', 'receiver']);
  });

  it('limits the receiver to sender address ranges, one per line, and says what that means', async () => {
    const client = createFakeClient();
    renderApp(client, '#/settings');
    const user = userEvent.setup();
    const field = await screen.findByRole('textbox', { name: 'Allowed senders (optional)' });
    expect(description(field)).toMatch(/anyone with the postback URL/);
    await user.type(field, '203.0.113.0/24{Enter}{Enter}  2001:db8::/32  ');
    expect(description(field)).toMatch(/only from these 2 ranges.*tunnel/);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    const patch = client.callsOf('updateSettings')[0];
    expect(patch?.receiver?.allowList).toEqual(['203.0.113.0/24', '2001:db8::/32']);
    expect(Object.keys(patch ?? {})).toEqual(['receiver']);
  });

  it('regenerates the secret only after confirming', async () => {
    const client = createFakeClient();
    renderApp(client, '#/settings');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Regenerate secret' }));
    expect(client.callsOf('regenerateSecret')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Yes, regenerate' }));
    expect((await screen.findByTestId('new-postback-url')).textContent).toBe('http://127.0.0.1:8787/postback/n3w');
    expect(client.callsOf('regenerateSecret')).toHaveLength(1);
  });

  it('shows the receiver port in force when a flag sets it, and what editing the stored one changes', async () => {
    const overrides = [{ setting: 'receiver.port' as const, value: 18787, setBy: '--receiver-port' }];
    const client = createFakeClient({ setup: makeSetup({ receiverPort: 18787, overrides }) });
    renderApp(client, '#/settings');
    const port = await screen.findByRole('spinbutton', { name: 'Port' });
    // the stored default stays what the field edits
    expect((port as HTMLInputElement).value).toBe('8787');
    await waitFor(() => expect(description(port)).toContain('In force: 18787, set by --receiver-port.'));
    expect(description(port)).toContain('Editing here changes the stored default, used when the flag is not given.');
    expect(description(screen.getByRole('textbox', { name: 'Host' }))).not.toContain('In force');
  });

  it('names the environment variable that sets the host', async () => {
    const overrides = [{ setting: 'receiver.host' as const, value: '0.0.0.0', setBy: 'SHELFWATCH_RECEIVER_HOST' }];
    const client = createFakeClient({ setup: makeSetup({ overrides }) });
    renderApp(client, '#/settings');
    const host = await screen.findByRole('textbox', { name: 'Host' });
    await waitFor(() => expect(description(host)).toContain('In force: 0.0.0.0, set by SHELFWATCH_RECEIVER_HOST.'));
    expect(description(host)).toContain('used when that environment variable is not set');
    expect(description(screen.getByRole('spinbutton', { name: 'Port' }))).not.toContain('In force');
  });

  it('says nothing is overridden when the stored values are in force', async () => {
    const client = createFakeClient();
    renderApp(client, '#/settings');
    await screen.findByRole('spinbutton', { name: 'Port' });
    await waitFor(() => expect(client.callsOf('setup')).toHaveLength(1));
    expect(screen.queryByTestId('override-note')).toBeNull();
  });
});
