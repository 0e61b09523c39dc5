// Which build of SQLite's native module the desktop app loads. `npm install` builds better-sqlite3 for Node (the
// tests and `npm run serve` use it); Electron has its own ABI, so scripts/electron-native.mjs builds a second copy
// for it: `npm start` loads that copy from node_modules, a packaged app from its resources (electron-builder.yml's
// extraResources), outside app.asar since a native module cannot be loaded from inside an archive.
import path from 'node:path';

/** Where scripts/electron-native.mjs puts the Electron build, relative to the project. */
export const DEV_SQLITE_BINDING = path.join('node_modules', '.shelfwatch-electron', 'better_sqlite3.node');
/** Where electron-builder.yml puts it, relative to the packaged app's resources folder. */
export const PACKAGED_SQLITE_BINDING = path.join('native', 'better_sqlite3.node');

export interface AppPaths {
  isPackaged: boolean;
  /** app.getAppPath(): the project folder when unpackaged */
  appPath: string;
  /** process.resourcesPath */
  resourcesPath: string;
}

export function sqliteBindingPath(paths: AppPaths): string {
  return paths.isPackaged
    ? path.join(paths.resourcesPath, PACKAGED_SQLITE_BINDING)
    : path.join(paths.appPath, DEV_SQLITE_BINDING);
}
