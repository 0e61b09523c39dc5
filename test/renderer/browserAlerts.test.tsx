// Issue 20: the browser face alerts like the desktop, with the one shared policy: an alert becomes a Web
// Notification once this browser allowed them (asked from a button, never on load), quiet hours hold it, a click
// brings the tab to the product; the tab's title carries the unread count.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withBrowserDeviceSettings } from '../../renderer/src/api/browserDeviceSettings.js';
import { makeEntry, makeProduct, makeSettings, makeStatus } from '../fakes/ui-data.js';
import { createFakeClient } from './fakeApi.js';
import { emit, renderApp } from './renderApp.js';

/** A stand-in for the browser's Notification: records what was shown and lets a test click it. */
class RecordedNotification {
  static permission: NotificationPermission = 'granted';
  static shown: RecordedNotification[] = [];
  static requestPermission = vi.fn(async () => {
    RecordedNotification.permission = 'granted';
    return RecordedNotification.permission;
  });
  onclick: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  constructor(
    readonly title: string,
    readonly options: NotificationOptions = {},
  ) {
    RecordedNotification.shown.push(this);
  }
  close() {
    this.closed = true;
  }
}

const alertFor = (name: string, message: string) =>
  makeEntry({
    product: makeProduct({ catalogItemId: 'TENT-2P', name }),
    alerts: [{ watchId: 'w1', kind: 'price-change', message }],
  });
const noWindow = makeSettings({
  notifications: { enabled: true, digestWindowSeconds: 0, quietHours: null, sound: true },
});

beforeEach(() => {
  RecordedNotification.permission = 'granted';
  RecordedNotification.shown = [];
  RecordedNotification.requestPermission.mockClear();
  vi.stubGlobal('Notification', RecordedNotification);
});
afterEach(() => vi.unstubAllGlobals());

describe('alerts in the browser', () => {
  it('shows an alert as a notification naming the product; a click opens the product in this tab', async () => {
    const client = createFakeClient({ settings: noWindow });
    const focus = vi.spyOn(window, 'focus').mockImplementation(() => {});
    renderApp(client);
    await waitFor(() => expect(client.callsOf('getSettings')).toHaveLength(1));
    await emit(client, { type: 'alert', entries: [alertFor('Trail Tent 2P', '$39.99 → $34.99 (−12.5%)')] });
    await waitFor(() => expect(RecordedNotification.shown).toHaveLength(1));
    const [shown] = RecordedNotification.shown;
    expect([shown?.title, shown?.options.body, shown?.options.silent]).toEqual([
      'Trail Tent 2P',
      '$39.99 → $34.99 (−12.5%)',
      false,
    ]);
    shown?.onclick?.();
    expect(focus).toHaveBeenCalled();
    expect(window.location.hash).toBe('#/product/7001%3ATENT-2P');
    expect(shown?.closed).toBe(true);
  });

  it('holds alerts during quiet hours and shows them when quiet hours are switched off', async () => {
    const now = new Date();
    const hhmm = (date: Date) =>
      `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
    const quietHours = {
      start: hhmm(new Date(now.getTime() - 3_600_000)),
      end: hhmm(new Date(now.getTime() + 3_600_000)),
    };
    const client = createFakeClient({
      settings: makeSettings({ notifications: { ...noWindow.notifications, quietHours } }),
    });
    renderApp(client);
    await waitFor(() => expect(client.callsOf('getSettings')).toHaveLength(1));
    await emit(client, { type: 'alert', entries: [alertFor('Trail Tent 2P', 'Back in stock')] });
    expect(RecordedNotification.shown).toEqual([]);
    await client.api.updateSettings({ notifications: noWindow.notifications });
    await waitFor(() => expect(RecordedNotification.shown).toHaveLength(1));
    expect(RecordedNotification.shown[0]?.options.body).toBe('While alerts were off: Back in stock');
  });

  it('shows nothing until the browser has permission', async () => {
    RecordedNotification.permission = 'default';
    const client = createFakeClient({ settings: noWindow });
    renderApp(client);
    await waitFor(() => expect(client.callsOf('getSettings')).toHaveLength(1));
    await emit(client, { type: 'alert', entries: [alertFor('Rain Jacket', 'Back in stock')] });
    expect(RecordedNotification.shown).toEqual([]);
  });

  it('asks for permission only when the button is pressed', async () => {
    RecordedNotification.permission = 'default';
    renderApp(createFakeClient(), '#/settings');
    const ask = await screen.findByRole('button', { name: 'Allow notifications in this browser' });
    expect(RecordedNotification.requestPermission).not.toHaveBeenCalled();
    await userEvent.setup().click(ask);
    expect(RecordedNotification.requestPermission).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(/shows Shelfwatch’s notifications while a Shelfwatch tab is open/)).toBeTruthy();
  });

  it('says when the browser blocks them, and leaves out the desktop app’s launch at login', async () => {
    RecordedNotification.permission = 'denied';
    renderApp(createFakeClient(), '#/settings');
    expect(await screen.findByText(/This browser blocks Shelfwatch’s notifications/)).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: /Launch at login/ })).toBeNull();
  });

  it('pauses alerts for an hour from Settings, where there is no tray, and resumes them', async () => {
    const client = createFakeClient();
    renderApp(client, '#/settings');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Pause alerts for 1 hour' }));
    const until = client.callsOf('updateSettings')[0]?.alertsPausedUntil ?? '';
    expect(Date.parse(until) - Date.now()).toBeGreaterThan(59 * 60_000);
    await emit(client, { type: 'status', status: makeStatus({}, { alertsPausedUntil: until }) });
    await user.click(await screen.findByRole('button', { name: 'Resume alerts' }));
    expect(client.callsOf('updateSettings')[1]).toEqual({ alertsPausedUntil: null });
  });

  it('puts the unread count in the tab’s title', async () => {
    const client = createFakeClient({ status: makeStatus({}, { unread: 3 }) });
    renderApp(client);
    await waitFor(() => expect(document.title).toBe('(3) Shelfwatch'));
    await emit(client, { type: 'status', status: makeStatus({}, { unread: 0 }) });
    expect(document.title).toBe('Shelfwatch');
  });
});

describe('a browser paired with a hub', () => {
  it('keeps its notification settings and its pause to itself; the rest goes to the hub', async () => {
    const hub = createFakeClient();
    const { api, status } = withBrowserDeviceSettings(hub.api, localStorage);
    const saved = await api.updateSettings({
      notifications: { sound: false },
      alertsPausedUntil: '2030-01-01T08:00:00.000Z',
      retention: { journalDays: 9 },
    });
    expect(hub.callsOf('updateSettings')).toEqual([{ retention: { journalDays: 9 } }]);
    expect(saved.notifications.sound).toBe(false);
    expect((await api.getSettings(undefined)).notifications.sound).toBe(false);
    expect(hub.data.settings.notifications.sound).toBe(true);
    expect(status(makeStatus()).alertsPausedUntil).toBe('2030-01-01T08:00:00.000Z');
    await expect(api.updateSettings({ notifications: { digestWindowSeconds: -1 } })).rejects.toThrow(
      /digestWindowSeconds/,
    );
  });
});
