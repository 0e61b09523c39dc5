import { describe, expect, it } from 'vitest';
import { type AutostartFs, autostartEntry } from '../../main/desktop/linux-autostart.js';
import {
  createLoginItemSync,
  HIDDEN_ARG,
  type LoginItemApp,
  wasLaunchedAtLogin,
} from '../../main/desktop/login-item.js';
import { silentLog } from './fake-ipc.js';

class FakeLoginApp implements LoginItemApp {
  readonly applied: Array<{ openAtLogin: boolean; args?: string[] }> = [];
  constructor(
    readonly isPackaged = true,
    private readonly openedAtLogin = false,
  ) {}
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void {
    this.applied.push(settings);
  }
  getLoginItemSettings(): { wasOpenedAtLogin: boolean } {
    return { wasOpenedAtLogin: this.openedAtLogin };
  }
}

class FakeFs implements AutostartFs {
  readonly files = new Map<string, string>();
  mkdirSync(): void {}
  writeFileSync(path: string, data: string): void {
    this.files.set(path, data);
  }
  rmSync(path: string): void {
    this.files.delete(path);
  }
}

function sync(platform: NodeJS.Platform, app = new FakeLoginApp()) {
  const fs = new FakeFs();
  const apply = createLoginItemSync({
    app,
    platform,
    log: silentLog,
    linux: { fs, place: { configHome: '/home/ada/.config', executable: '/opt/Shelf watch/shelfwatch.AppImage' } },
  });
  return { apply, app, fs };
}

describe('launch at login', () => {
  it('registers and unregisters the login item on macOS and Windows, only when the setting changes', () => {
    const { apply, app } = sync('win32');
    apply(false);
    apply(true);
    apply(true);
    apply(false);
    expect(app.applied).toEqual([
      { openAtLogin: false, args: [HIDDEN_ARG] },
      { openAtLogin: true, args: [HIDDEN_ARG] },
      { openAtLogin: false, args: [HIDDEN_ARG] },
    ]);
  });

  it('writes and removes an XDG autostart entry on Linux', () => {
    const { apply, fs } = sync('linux');
    apply(true);
    const file = '/home/ada/.config/autostart/shelfwatch.desktop';
    expect(fs.files.get(file)).toContain('Exec="/opt/Shelf watch/shelfwatch.AppImage" "--hidden"');
    apply(false);
    expect(fs.files.has(file)).toBe(false);
  });

  it('quotes Exec arguments per the Desktop Entry spec', () => {
    expect(autostartEntry('/a/$b"c`d\\e', [])).toContain('Exec="/a/\\$b\\"c\\`d\\\\e"');
  });

  it('leaves the OS alone in an unpackaged (development) run', () => {
    const { apply, app } = sync('darwin', new FakeLoginApp(false));
    apply(true);
    expect(app.applied).toEqual([]);
  });

  it('knows a login launch: our argument, or macOS saying so', () => {
    expect(wasLaunchedAtLogin(new FakeLoginApp(), ['shelfwatch', HIDDEN_ARG], 'win32')).toBe(true);
    expect(wasLaunchedAtLogin(new FakeLoginApp(true, true), ['Shelfwatch'], 'darwin')).toBe(true);
    expect(wasLaunchedAtLogin(new FakeLoginApp(true, true), ['shelfwatch'], 'linux')).toBe(false);
  });
});
