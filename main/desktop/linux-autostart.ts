// Linux has no app.setLoginItemSettings: desktops start what ~/.config/autostart/*.desktop lists (XDG Autostart).
import { join } from 'node:path';

export interface AutostartFs {
  mkdirSync(path: string, options: { recursive: true }): unknown;
  writeFileSync(path: string, data: string): void;
  rmSync(path: string, options: { force: true }): void;
}

export interface AutostartPlace {
  /** $XDG_CONFIG_HOME or ~/.config */
  configHome: string;
  /** the AppImage when run from one (its mount path changes every run), else the executable */
  executable: string;
}

/** Desktop Entry spec quoting: double quotes, with " ` $ \ escaped. */
const quoteArg = (arg: string) => `"${arg.replace(/(["`$\\])/g, '\\$1')}"`;

export function autostartEntry(executable: string, args: string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Shelfwatch',
    'Comment=Watches impact.com product changes',
    `Exec=${[executable, ...args].map(quoteArg).join(' ')}`,
    'X-GNOME-Autostart-enabled=true',
    'Terminal=false',
    '',
  ].join('\n');
}

export function setLinuxAutostart(fs: AutostartFs, place: AutostartPlace, enabled: boolean, args: string[]): void {
  const folder = join(place.configHome, 'autostart');
  const file = join(folder, 'shelfwatch.desktop');
  if (!enabled) {
    fs.rmSync(file, { force: true });
    return;
  }
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(file, autostartEntry(place.executable, args));
}
