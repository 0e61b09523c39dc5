// The data folder is the user's alone: created 0700, every file in it 0600 (the journal, the documents, store.db and
// its -wal/-shm, the secrets, snapshots, the lock, the hub's TLS files). Files this engine creates get the mode when
// they are made (FILE_MODE); SQLite makes store.db 0644 and its -wal/-shm like store.db, and older versions made
// everything 0644 in a 0755 folder, so the folder is tightened at every start, after the store is open.
import fs from 'node:fs';
import path from 'node:path';
import { DIR_MODE, FILE_MODE } from './file-system.js';
import type { Logger } from './types.js';

/**
 * The folders the engine keeps its files in. The desktop's data folder is also Electron's, whose own folders (caches,
 * local storage) Chromium keeps private itself: they are not walked at every start.
 */
const ENGINE_FOLDERS = ['journal', 'backups', 'tls', 'hub'];

export function createDataFolder(dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: DIR_MODE });
  fs.mkdirSync(path.join(dataDir, 'journal'), { recursive: true, mode: DIR_MODE });
}

/** Makes the folder 0700 and its files 0600 (where the OS has such modes); logs once what it changed. */
export function tightenDataFolder(dataDir: string, log: Logger, platform = process.platform): void {
  if (platform === 'win32') return; // no POSIX modes: the folder under %APPDATA% is the user's by its ACL
  const changed = { files: 0, folders: 0 };
  const restrict = (target: string, kind: 'files' | 'folders') => {
    const mode = kind === 'folders' ? DIR_MODE : FILE_MODE;
    try {
      if ((fs.statSync(target).mode & 0o777) === mode) return;
      fs.chmodSync(target, mode);
      changed[kind]++;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // a temp file gone meanwhile
    }
  };
  const walk = (dir: string, descend: (name: string) => boolean) => {
    restrict(dir, 'folders');
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const target = path.join(dir, entry.name);
      if (entry.isFile()) restrict(target, 'files');
      else if (entry.isDirectory() && descend(entry.name)) walk(target, () => true);
      // symbolic links and sockets are left alone: a link's mode is its target's
    }
  };
  try {
    walk(dataDir, (name) => ENGINE_FOLDERS.includes(name));
  } catch (error) {
    log.warn('Could not make the data folder private', { error: String(error) });
    return;
  }
  if (changed.files + changed.folders > 0) {
    log.info('Made the data folder private to this user (folders 0700, files 0600)', changed);
  }
}
