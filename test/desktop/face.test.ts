// The wiring in main/desktop/face.ts, with electron replaced by the typed fakes: an alert becomes a notification,
// its click shows the window and routes the renderer, events reach the renderer, settings changes reach the tray.
// Following a hub (issue 11): the backlog caught up after sleep becomes one "While you were away" notification once
// the stream is live, the hub connection reaches the renderer's status and the tray, and waking reconnects.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type DesktopBackend, localBackend } from '../../main/desktop/backend.js';
import { deviceSettingsFile } from '../../main/desktop/hub/device-settings.js';
import { createHubBackend } from '../../main/desktop/hub/hub-backend.js';
import { hubPaths } from '../../main/desktop/hub/hub-files.js';
import type { DesktopFace } from '../../main/desktop/start-desktop.js';
import type { UiEvent } from '../../shared/contract/events.js';
import { channelOf } from '../../shared/contract/ipc-channels.js';
import type { Settings, SettingsPatch } from '../../shared/contract/settings.js';
import type { Status } from '../../shared/contract/status.js';
import { alertEntry, settingsWith } from '../fakes/alert-entries.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { FakeEngine } from './fake-app.js';
import { FakeFollower } from './fake-follower.js';
import { type FakeIpcMain, silentLog } from './fake-ipc.js';
import { FakeNotification } from './fake-notification.js';
import type { FakePowerMonitor } from './fake-power-monitor.js';
import type { FakeTray } from './fake-tray.js';
import type { FakeWindow } from './fake-window.js';

const electron = vi.hoisted(() => ({
  windows: [] as unknown[],
  trays: [] as unknown[],
  ipcMain: null as unknown,
  clipboard: [] as string[],
  loginItems: [] as unknown[],
  powerMonitor: null as unknown,
  relaunched: 0,
}));

vi.mock('electron', async () => {
  const { FakeWindow } = await import('./fake-window.js');
  const { FakeTray } = await import('./fake-tray.js');
  const { FakeIpcMain } = await import('./fake-ipc.js');
  const { FakeNotification } = await import('./fake-notification.js');
  const { FakePowerMonitor } = await import('./fake-power-monitor.js');
  const { FakeSafeStorage } = await import('./fake-safe-storage.js');
  electron.ipcMain = new FakeIpcMain();
  electron.powerMonitor = new FakePowerMonitor();
  class Notification extends FakeNotification {
    static isSupported = () => true;
  }
  return {
    app: {
      isPackaged: true,
      quit: () => {},
      getLoginItemSettings: () => ({ wasOpenedAtLogin: false }),
      setLoginItemSettings: (settings: unknown) => electron.loginItems.push(settings),
      relaunch: () => electron.relaunched++,
    },
    BrowserWindow: class extends FakeWindow {
      constructor(options: ConstructorParameters<typeof FakeWindow>[0]) {
        super(options);
        electron.windows.push(this);
      }
    },
    Tray: class extends FakeTray {
      constructor(image: unknown) {
        super(image);
        electron.trays.push(this);
      }
    },
    Menu: { buildFromTemplate: (items: unknown) => items },
    Notification,
    nativeImage: { createEmpty: () => ({ addRepresentation: () => {}, setTemplateImage: () => {} }) },
    clipboard: { writeText: (text: string) => electron.clipboard.push(text) },
    shell: { openExternal: async () => {} },
    ipcMain: electron.ipcMain,
    powerMonitor: electron.powerMonitor,
    net: { isOnline: () => true },
    safeStorage: new FakeSafeStorage(),
  };
});

const { createDesktopFace } = await import('../../main/desktop/face.js');

function engineWith(settings: Settings): FakeEngine {
  const engine = new FakeEngine();
  let current = settings;
  engine.api.getSettings = async () => current;
  engine.api.updateSettings = async (patch: SettingsPatch) => {
    current = { ...current, alertsPausedUntil: patch.alertsPausedUntil ?? null };
    return current;
  };
  engine.api.status = async () => ({ unread: 2, alertsPausedUntil: null }) as Status;
  return engine;
}

let temp: ReturnType<typeof makeTempDir>;
let engine: FakeEngine;
let face: DesktopFace;
let window: FakeWindow;
let tray: FakeTray;
let ipcMain: FakeIpcMain;

beforeEach(() => {
  temp = makeTempDir('shelfwatch-face-');
});
afterEach(() => temp.remove());

async function startFace(backend: DesktopBackend): Promise<DesktopFace> {
  FakeNotification.created = [];
  electron.windows.length = 0;
  electron.trays.length = 0;
  const started = await createDesktopFace(
    backend,
    { isQuitting: () => false },
    {
      mainDir: '/app/dist/main',
      dataDir: temp.dir,
      platform: 'win32',
      argv: [],
      env: {},
      hostName: 'ada-laptop',
      log: silentLog,
    },
  );
  window = electron.windows[0] as FakeWindow;
  tray = electron.trays[0] as FakeTray;
  ipcMain = electron.ipcMain as FakeIpcMain;
  return started;
}

describe('desktop face wiring', () => {
  beforeEach(async () => {
    engine = engineWith(settingsWith({ digestWindowSeconds: 0 }, { launchAtLogin: true }));
    face = await startFace(localBackend(engine));
  });

  it('turns an alert into a notification whose click shows the window and routes to the product', () => {
    const event = { type: 'alert' as const, entries: [alertEntry('5:abc', { name: 'Desk Lamp' })] };
    engine.emit(event);
    expect(FakeNotification.created.map((n) => n.request.title)).toEqual(['Desk Lamp']);
    FakeNotification.created[0]?.emit('click');
    expect(window.calls).toEqual(['show', 'focus']);
    expect(window.webContents.sent).toEqual([
      [channelOf('event'), [event]],
      [channelOf('navigate'), ['#/product/5%3Aabc']],
    ]);
    face.dispose();
  });

  it('keeps the tray count in step with status events', async () => {
    await vi.waitFor(() => expect(tray.toolTip).toBe('Shelfwatch — 2 unread'));
    engine.emit({ type: 'status', status: { unread: 9, alertsPausedUntil: null } as Status });
    expect(tray.toolTip).toBe('Shelfwatch — 9 unread');
    face.dispose();
    expect(tray.destroyed).toBe(true);
  });

  it('sees a pause set from the window over IPC (tray menu and notifier follow it)', async () => {
    const fromWindow = {
      sender: window.webContents,
      senderFrame: { url: 'file:///app/dist/renderer/index.html#/settings', parent: null },
    };
    const until = new Date(Date.now() + 3_600_000).toISOString();
    await ipcMain.invoke(channelOf('api:updateSettings'), fromWindow, { alertsPausedUntil: until });
    expect(tray.item('Alerts paused', 'Resume alerts').enabled).toBe(true);
    engine.emit({ type: 'alert', entries: [alertEntry('1:a')] });
    expect(FakeNotification.created).toHaveLength(0);
    face.dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('applies launch at login from the settings when packaged', () => {
    expect(electron.loginItems.at(-1)).toEqual({ openAtLogin: true, args: ['--hidden'] });
    face.dispose();
  });
});

describe('desktop face following a hub', () => {
  const HUB = 'https://hub.example:8789';
  let follower: FakeFollower;
  const hubStatus = { unread: 4, alertsPausedUntil: null, device: { id: 'd1', name: 'Ada' } } as Status;
  const statusesSent = () =>
    window.webContents.sent
      .filter(([channel]) => channel === channelOf('event'))
      .map(([, [event]]) => event as UiEvent)
      .flatMap((event) => (event.type === 'status' ? [event.status] : []));
  const powerMonitor = () => electron.powerMonitor as FakePowerMonitor;

  beforeEach(async () => {
    follower = new FakeFollower();
    follower.api.status = async () => hubStatus;
    const settings = deviceSettingsFile(hubPaths(temp.dir).deviceSettings);
    const mine = settingsWith({ digestWindowSeconds: 0 });
    settings.save({ notifications: mine.notifications, alertsPausedUntil: null, launchAtLogin: false });
    face = await startFace(createHubBackend({ follower, hubUrl: HUB, settings }));
  });

  it('raises one "While you were away" notification for the backlog once the stream is live, then alerts singly', () => {
    for (const name of ['Desk Lamp', 'Office Chair', 'Standing Desk']) {
      follower.deliver({ type: 'alert', entries: [alertEntry(`1:${name}`, { name })] }, true);
    }
    expect(FakeNotification.created).toHaveLength(0);
    follower.setConnection({ state: 'live', since: new Date().toISOString(), error: null });
    follower.deliver({ type: 'alert', entries: [alertEntry('1:rug', { name: 'Wool Rug' })] });
    expect(FakeNotification.created.map((notification) => notification.request.title)).toEqual([
      'While you were away: 3 watched products changed',
      'Wool Rug',
    ]);
    face.dispose();
  });

  it('gives the renderer and the tray the hub connection with the hub’s status, keeping this computer’s pause', async () => {
    const since = new Date(2026, 0, 15, 10, 32).toISOString();
    follower.setConnection({ state: 'live', since, error: null });
    await vi.waitFor(() => expect(statusesSent().at(-1)?.hub).toEqual({ url: HUB, state: 'live', since, error: null }));
    expect(tray.toolTip).toBe('Shelfwatch — 4 unread');

    const error = 'Cannot reach the hub at hub.example:8789: ECONNREFUSED';
    follower.setConnection({ state: 'unreachable', since, error });
    expect(statusesSent().at(-1)).toMatchObject({ unread: 4, hub: { state: 'unreachable', since, error } });
    expect(tray.toolTip).toBe('Shelfwatch — 4 unread · Hub unreachable since 10:32 — retrying');

    // the hub's own pause is not this computer's
    follower.deliver({
      type: 'status',
      status: { ...hubStatus, unread: 5, alertsPausedUntil: '2099-01-01T00:00:00Z' },
    });
    expect(statusesSent().at(-1)).toMatchObject({ unread: 5, alertsPausedUntil: null, hub: { state: 'unreachable' } });
    expect(tray.toolTip).toBe('Shelfwatch — 5 unread · Hub unreachable since 10:32 — retrying');
    face.dispose();
  });

  it('reconnects at once when the computer resumes or the screen is unlocked, until disposed', () => {
    powerMonitor().emit('resume');
    powerMonitor().emit('unlock-screen');
    expect(follower.calls).toEqual(['wake', 'wake']);
    face.dispose();
    powerMonitor().emit('resume');
    expect(follower.calls).toEqual(['wake', 'wake']);
    expect(powerMonitor().count()).toBe(0);
  });
});
