// Assembles the desktop face around an open engine: window, IPC, notifier, tray, login item.
// This is where the real electron objects are handed to the pieces (each piece is tested with fakes).
import * as fs from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { app, BrowserWindow, clipboard, ipcMain, Menu, Notification, nativeImage, shell, Tray } from 'electron';
import type { Settings } from '../../shared/model.js';
import type { Engine, Logger } from '../engine/types.js';
import { registerIpc } from './ipc.js';
import { createLoginItemSync, wasLaunchedAtLogin } from './login-item.js';
import { Notifier } from './notifier.js';
import { desktopPaths } from './paths.js';
import { createRendererLink } from './renderer-link.js';
import { observeSettings } from './settings-observer.js';
import type { DesktopFace, Lifecycle } from './start-desktop.js';
import { TrayController } from './tray.js';
import { loadTrayIcons } from './tray-icons.js';
import { createSenderCheck } from './trusted-sender.js';
import { createMainWindow, revealWindow } from './window.js';

export interface FaceEnvironment {
  /** the folder of the bundled main (dist/main) */
  mainDir: string;
  platform: NodeJS.Platform;
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  log: Logger;
}

export async function createDesktopFace(
  engine: Engine,
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

  let onSettings: (settings: Settings) => void = () => {};
  const api = observeSettings(engine.api, (settings) => onSettings(settings));
  const removeIpc = registerIpc({
    ipcMain,
    api,
    isTrustedSender: createSenderCheck(ourWebContents, paths.rendererUrl),
    openExternal,
    writeClipboard: (text) => clipboard.writeText(text),
    log,
  });

  const [settings, status] = await Promise.all([engine.api.getSettings(undefined), engine.api.status(undefined)]);
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
    quit: () => app.quit(),
    log,
  });
  tray.setUnread(status.unread);
  tray.setPausedUntil(status.alertsPausedUntil);
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
  const unsubscribe = engine.subscribe((event) => {
    renderer.sendEvent(event);
    notifier.handleEvent(event);
    if (event.type === 'status') {
      tray.setUnread(event.status.unread);
      tray.setPausedUntil(event.status.alertsPausedUntil);
    }
  });

  return {
    showWindow,
    dispose: () => {
      unsubscribe();
      removeIpc();
      notifier.dispose();
      tray.destroy();
    },
  };
}
