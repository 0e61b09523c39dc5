// Launch at login (opt-in, settings.launchAtLogin): app.setLoginItemSettings on macOS and Windows, an XDG
// autostart entry on Linux. A login launch starts hidden in the tray.
import type { Logger } from '../engine/index.js';
import { type AutostartFs, type AutostartPlace, setLinuxAutostart } from './linux-autostart.js';

export const HIDDEN_ARG = '--hidden';

export interface LoginItemApp {
  readonly isPackaged: boolean;
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void;
  getLoginItemSettings(): { wasOpenedAtLogin: boolean };
}

export interface LoginItemOptions {
  app: LoginItemApp;
  platform: NodeJS.Platform;
  log: Logger;
  linux: { fs: AutostartFs; place: AutostartPlace };
}

/** Returns `apply(launchAtLogin)`, which touches the OS only when the wanted state changes. */
export function createLoginItemSync(options: LoginItemOptions): (launchAtLogin: boolean) => void {
  const { app, platform, log } = options;
  let applied: boolean | null = null;
  return (launchAtLogin) => {
    if (launchAtLogin === applied) return;
    applied = launchAtLogin;
    // an unpackaged run would register the bare Electron binary, which opens Electron's default app at login
    if (!app.isPackaged) {
      log.info('login item: not changed in a development run', { launchAtLogin });
      return;
    }
    try {
      if (platform === 'linux') setLinuxAutostart(options.linux.fs, options.linux.place, launchAtLogin, [HIDDEN_ARG]);
      else app.setLoginItemSettings({ openAtLogin: launchAtLogin, args: [HIDDEN_ARG] });
    } catch (error) {
      applied = null; // try again on the next settings change
      log.error('login item: could not change launch at login', { error: String(error) });
    }
  };
}

/** Windows and Linux pass our argument; macOS says so itself. */
export function wasLaunchedAtLogin(app: LoginItemApp, argv: readonly string[], platform: NodeJS.Platform): boolean {
  if (argv.includes(HIDDEN_ARG)) return true;
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin;
}
