// Assembles the desktop face around its backend (this computer's engine or a followed hub): window, IPC, notifier,
// tray, login item, waking the follower. This is where the real electron objects are handed to the pieces (each
// piece is tested with fakes).
import * as fs from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  Notification,
  nativeImage,
  net,
  powerMonitor,
  safeStorage,
  shell,
  Tray,
} from 'electron';
import { realTimers } from '../../shared/domain/alert-policy.js';
import { Notifier } from '../../shared/domain/alert-policy-notifier.js';
import type { DeviceSettings } from '../../shared/domain/device-settings.js';
import type { Logger } from '../engine/index.js';
import { pairWithHub } from '../follower/index.js';
import type { DesktopBackend } from './backend.js';
import { createConnectionActions } from './hub/connection-actions.js';
import { registerIpc } from './ipc.js';
import { createLoginItemSync, wasLaunchedAtLogin } from './login-item.js';
import { desktopPaths } from './paths.js';
import { createRendererLink } from './renderer-link.js';
import { observeSettings } from './settings-observer.js';
import type { DesktopFace, Lifecycle } from './start-desktop.js';
import { TrayController } from './tray.js';
import { loadTrayIcons } from './tray-icons.js';
import { createSenderCheck } from './trusted-sender.js';
import { wakeOnResume } from './wake.js';
import { createMainWindow, revealWindow } from './window.js';

export interface FaceEnvironment {
  /** the folder of the bundled main (dist/main) */
  mainDir: string;
  /** the user-data folder: where the choice of backend and a hub's device token are kept */
  dataDir: string;
  platform: NodeJS.Platform;
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  /** suggested as this computer's name on a hub's device list */
  hostName: string;
  log: Logger;
}

/** Long enough for the answer to reach the window before the app goes. */
const RESTART_DELAY_MS = 300;

export async function createDesktopFace(
  backend: DesktopBackend,
  lifecycle: Lifecycle,
  host: FaceEnvironment,
): Promise<DesktopFace> {
  const { platform, log } = host;
  const paths = desktopPaths(host.mainDir);
  const openExternal = (url: string) => shell.openExternal(url);

  const window = createMainWindow({
    createWindow: (options) => new BrowserWindow(options),
    openExternal,
    paths,
    isQuitting: lifecycle.isQuitting,
    startHidden: wasLaunchedAtLogin(app, host.argv, platform),
    onLoadError: (error) => log.error('window: the renderer did not load', { error: String(error) }),
  });
  const ourWebContents = () => (window.isDestroyed() ? null : window.webContents);
  const renderer = createRendererLink(ourWebContents);
  const showWindow = () => revealWindow(window);

  let onSettings: (settings: DeviceSettings) => void = () => {};
  const api = observeSettings(backend.api, (settings) => onSettings(settings));
  const removeIpc = registerIpc({
    ipcMain,
    api,
    isTrustedSender: createSenderCheck(ourWebContents, paths.rendererUrl),
    openExternal,
    writeClipboard: (text) => clipboard.writeText(text),
    saveFile: {
      choosePath: async (suggestedName) => {
        const chosen = await dialog.showSaveDialog({
          defaultPath: join(app.getPath('downloads'), suggestedName),
          filters: [{ name: 'CSV', extensions: ['csv'] }],
        });
        return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
      },
      writeFile: (path, text) => writeFile(path, text, 'utf8'),
    },
    connection: createConnectionActions({
      dataDir: host.dataDir,
      platform,
      safeStorage,
      pair: (link, name) => pairWithHub(link, name),
      scheduleRestart: () =>
        setTimeout(() => {
          app.relaunch();
          app.quit();
        }, RESTART_DELAY_MS),
      suggestedDeviceName: host.hostName,
      currentDeviceSettings: () => backend.deviceSettings(),
      log,
    }),
    log,
  });

  // This computer's own settings: no network needed, so a hub that is down does not hold up the start.
  const settings = await backend.deviceSettings();
  const notifier = new Notifier({
    createNotification: (request) => new Notification(request),
    isSupported: () => Notification.isSupported(),
    onClick: (route) => {
      showWindow();
      renderer.navigate(route);
    },
    settings,
  });
  const icons = loadTrayIcons(() => nativeImage.createEmpty(), platform);
  const tray = new TrayController({
    tray: new Tray(icons.normal),
    buildMenu: (items) => Menu.buildFromTemplate(items),
    icons,
    platform,
    api,
    copyText: (text) => clipboard.writeText(text),
    open: showWindow,
    openSetup: () => {
      showWindow();
      renderer.navigate('/setup');
    },
    quit: () => app.quit(),
    log,
  });
  tray.setPausedUntil(settings.alertsPausedUntil);
  tray.setHubConnection(backend.connection());
  backend.api.status(undefined).then(
    (status) => {
      tray.setUnread(status.unread);
      tray.setUrlChanged(Boolean(status.postbackUrlChanged));
    },
    () => {}, // the hub is unreachable: the first status event brings the count
  );
  const applyLoginItem = createLoginItemSync({
    app,
    platform,
    log,
    linux: {
      fs,
      place: {
        configHome: host.env.XDG_CONFIG_HOME || join(homedir(), '.config'),
        executable: host.env.APPIMAGE || process.execPath,
      },
    },
  });
  applyLoginItem(settings.launchAtLogin);

  onSettings = (next) => {
    notifier.updateSettings(next);
    tray.setPausedUntil(next.alertsPausedUntil);
    applyLoginItem(next.launchAtLogin);
  };
  const stops = [
    backend.subscribe((event, meta) => {
      renderer.sendEvent(event);
      notifier.handleEvent(event, meta.catchUp);
      if (event.type === 'status') {
        tray.setUnread(event.status.unread);
        tray.setPausedUntil(event.status.alertsPausedUntil);
        tray.setUrlChanged(Boolean(event.status.postbackUrlChanged));
      }
    }),
    // After the backlog: one "While you were away" notification instead of one per product.
    backend.onCaughtUp(() => notifier.caughtUp()),
    backend.onConnection((connection) => tray.setHubConnection(connection)),
    wakeOnResume({ powerMonitor, isOnline: () => net.isOnline(), wake: () => backend.wake(), timers: realTimers }),
  ];

  return {
    showWindow,
    dispose: () => {
      for (const stop of stops) stop();
      removeIpc();
      notifier.dispose();
      tray.destroy();
    },
  };
}
