// The wiring in main/desktop/face.ts, with electron replaced by the typed fakes: an alert becomes a notification,
// its click shows the window and routes the renderer, events reach the renderer, settings changes reach the tray.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopFace } from '../../main/desktop/start-desktop.js';
import type { SettingsPatch, Status } from '../../shared/api.js';
import { channelOf } from '../../shared/ipc-channels.js';
import type { Settings } from '../../shared/model.js';
import { FakeEngine } from './fake-app.js';
import { type FakeIpcMain, silentLog } from './fake-ipc.js';
import { FakeNotification } from './fake-notification.js';
import type { FakeTray } from './fake-tray.js';
import type { FakeWindow } from './fake-window.js';
import { alertEntry, settingsWith } from './fixtures.js';

const electron = vi.hoisted(() => ({
  windows: [] as unknown[],
  trays: [] as unknown[],
  ipcMain: null as unknown,
  clipboard: [] as string[],
  loginItems: [] as unknown[],
}));

vi.mock('electron', async () => {
  const { FakeWindow } = await import('./fake-window.js');
  const { FakeTray } = await import('./fake-tray.js');
  const { FakeIpcMain } = await import('./fake-ipc.js');
  const { FakeNotification } = await import('./fake-notification.js');
  electron.ipcMain = new FakeIpcMain();
  class Notification extends FakeNotification {
    static isSupported = () => true;
  }
  return {
    app: {
      isPackaged: true,
      quit: () => {},
      getLoginItemSettings: () => ({ wasOpenedAtLogin: false }),
      setLoginItemSettings: (settings: unknown) => electron.loginItems.push(settings),
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

let engine: FakeEngine;
let face: DesktopFace;
let window: FakeWindow;
let tray: FakeTray;
let ipcMain: FakeIpcMain;

beforeEach(async () => {
  FakeNotification.created = [];
  electron.windows.length = 0;
  electron.trays.length = 0;
  engine = engineWith(settingsWith({ digestWindowSeconds: 0 }, { launchAtLogin: true }));
  face = await createDesktopFace(
    engine,
    { isQuitting: () => false },
    {
      mainDir: '/app/dist/main',
      platform: 'win32',
      argv: [],
      env: {},
      log: silentLog,
    },
  );
  window = electron.windows[0] as FakeWindow;
  tray = electron.trays[0] as FakeTray;
  ipcMain = electron.ipcMain as FakeIpcMain;
});

describe('desktop face wiring', () => {
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

  it('keeps the tray count in step with status events', () => {
    expect(tray.toolTip).toBe('Shelfwatch — 2 unread');
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
