import os from 'node:os';
import path from 'node:path';

/** The per-user application data folder Electron calls userData, so both faces find the same data. */
export function defaultDataDir(platform = process.platform, env = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Shelfwatch');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Shelfwatch');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Shelfwatch');
}
