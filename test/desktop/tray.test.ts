import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TrayController, type TrayMenuItem } from '../../main/desktop/tray.js';
import type { SettingsPatch } from '../../shared/contract/settings.js';
import { DEFAULT_SETTINGS } from '../../shared/contract/settings.js';
import type { Setup } from '../../shared/contract/setup.js';
import { silentLog } from './fake-ipc.js';
import { FakeTray } from './fake-tray.js';

type Icon = 'plain icon' | 'badged icon';

function makeTray(platform: NodeJS.Platform = 'linux') {
  const tray = new FakeTray<Icon>();
  const patches: SettingsPatch[] = [];
  const copied: string[] = [];
  const calls: string[] = [];
  const controller = new TrayController<Icon, TrayMenuItem[]>({
    tray,
    buildMenu: (items) => items,
    icons: { normal: 'plain icon', unread: 'badged icon' },
    platform,
    api: {
      updateSettings: async (patch) => {
        patches.push(patch);
        return { ...DEFAULT_SETTINGS, alertsPausedUntil: patch.alertsPausedUntil ?? null };
      },
      setup: async () => ({ postbackUrl: 'http://127.0.0.1:8787/postback/s3cret' }) as Setup,
    },
    copyText: (text) => copied.push(text),
    open: () => calls.push('open'),
    openSetup: () => calls.push('open setup'),
    quit: () => calls.push('quit'),
    log: silentLog,
  });
  return { tray, controller, patches, copied, calls };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date(2025, 0, 15, 13, 20)); // local time
});
afterEach(() => vi.useRealTimers());

describe('tray', () => {
  it('shows the unread count in the tooltip and a badged icon outside macOS', () => {
    const { tray, controller } = makeTray('win32');
    expect([tray.toolTip, tray.image, tray.title]).toEqual(['Shelfwatch — 0 unread', 'plain icon', null]);
    controller.setUnread(14);
    expect([tray.toolTip, tray.image]).toEqual(['Shelfwatch — 14 unread', 'badged icon']);
    controller.setUnread(0);
    expect(tray.image).toBe('plain icon');
  });

  it('shows the count as the menu-bar title on macOS', () => {
    const { tray, controller } = makeTray('darwin');
    controller.setUnread(7);
    expect(tray.title).toBe('7');
    controller.setUnread(0);
    expect(tray.title).toBe('');
  });

  it('has Open, Pause alerts ▸, Copy postback URL and Quit', () => {
    const { tray } = makeTray();
    expect(tray.menu?.map((item) => item.label ?? item.type)).toEqual([
      'Open Shelfwatch',
      'Pause alerts',
      'Copy postback URL',
      'separator',
      'Quit Shelfwatch',
    ]);
    expect(tray.item('Pause alerts').submenu?.map((item) => item.label ?? item.type)).toEqual([
      'For 1 hour',
      'Until tomorrow 8:00',
      'separator',
      'Resume alerts',
    ]);
    expect(tray.item('Pause alerts', 'Resume alerts').enabled).toBe(false);
  });

  it('pauses for an hour or until 8:00 tomorrow by setting alertsPausedUntil, and resumes', async () => {
    const { tray, patches } = makeTray();
    tray.item('Pause alerts', 'For 1 hour').click?.();
    expect(patches.at(-1)).toEqual({ alertsPausedUntil: new Date(2025, 0, 15, 14, 20).toISOString() });
    expect(tray.item('Alerts paused', 'Paused until 14:20').enabled).toBe(false);
    expect(tray.toolTip).toBe('Shelfwatch — 0 unread (alerts paused until 14:20)');
    tray.item('Alerts paused', 'Until tomorrow 8:00').click?.();
    expect(patches.at(-1)).toEqual({ alertsPausedUntil: new Date(2025, 0, 16, 8, 0).toISOString() });
    tray.item('Alerts paused', 'Resume alerts').click?.();
    expect(patches.at(-1)).toEqual({ alertsPausedUntil: null });
    expect(tray.item('Pause alerts', 'Resume alerts').enabled).toBe(false);
  });

  it('says the postback URL changed (tooltip and first menu item, which opens Setup) until that is acknowledged', () => {
    const { tray, controller, calls } = makeTray();
    controller.setUnread(3);
    controller.setUrlChanged(true);
    expect(tray.toolTip).toBe('Shelfwatch — Postback URL changed: update impact.com · 3 unread');
    expect(tray.menu?.[0]?.label).toBe('Postback URL changed: update impact.com…');
    tray.item('Postback URL changed: update impact.com…').click?.();
    expect(calls).toEqual(['open setup']);
    controller.setUrlChanged(false);
    expect(tray.toolTip).toBe('Shelfwatch — 3 unread');
    expect(tray.menu?.[0]?.label).toBe('Open Shelfwatch');
  });

  it('redraws the menu when a pause runs out', () => {
    const { tray, controller } = makeTray();
    controller.setPausedUntil(new Date(2025, 0, 15, 13, 50).toISOString());
    expect(tray.item('Alerts paused', 'Resume alerts').enabled).toBe(true);
    vi.advanceTimersByTime(30 * 60_000);
    expect(tray.item('Pause alerts', 'Resume alerts').enabled).toBe(false);
  });

  it('copies the current postback URL, opens, and quits', async () => {
    const { tray, copied, calls } = makeTray();
    tray.item('Copy postback URL').click?.();
    await vi.waitFor(() => expect(copied).toEqual(['http://127.0.0.1:8787/postback/s3cret']));
    tray.item('Open Shelfwatch').click?.();
    tray.clickListener?.();
    tray.item('Quit Shelfwatch').click?.();
    expect(calls).toEqual(['open', 'open', 'quit']);
  });

  it('says in the tooltip and atop the menu when the followed hub cannot be reached, and stops once it is live', () => {
    const { tray, controller } = makeTray();
    const hub = { url: 'https://hub.example:8789', since: new Date(2025, 0, 15, 10, 32).toISOString(), error: 'x' };
    controller.setUnread(3);
    controller.setHubConnection({ ...hub, state: 'unreachable' });
    expect(tray.toolTip).toBe('Shelfwatch — 3 unread · Hub unreachable since 10:32 — retrying');
    expect(tray.item('Hub unreachable since 10:32 — retrying').enabled).toBe(false);
    controller.setHubConnection({
      ...hub,
      state: 'refused',
      error: "This device's access was revoked on the hub. Pair again.",
    });
    expect(tray.toolTip).toBe(
      "Shelfwatch — 3 unread · This device's access was revoked on the hub. Pair again in Settings.",
    );
    controller.setHubConnection({ ...hub, state: 'live', error: null });
    expect(tray.toolTip).toBe('Shelfwatch — 3 unread');
    expect(tray.menu?.[0]?.label).toBe('Open Shelfwatch');
  });
});
