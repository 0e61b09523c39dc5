// Opens the store of a data folder: the documents (lowdb), the database (SQLite), and — for a folder written by
// the previous version — the old store file to upgrade from. Whatever was damaged is moved aside and said.
import fs from 'node:fs';
import path from 'node:path';
import type { FileSystem } from '../file-system.js';
import type { Logger } from '../types.js';
import { DB_FILE, type Db, openDatabase } from './db/open.js';
import { openDocuments } from './documents.js';
import type { StoreData } from './legacy/state.js';
import { Store } from './store.js';
import { hasLegacyStore, readLegacyStore, unretireLegacyStore } from './upgrade.js';

export interface OpenStoreOptions {
  dataDir: string;
  fsys: FileSystem;
  clock: () => number;
  log: Logger;
  notices: string[];
}

export interface OpenedStore {
  store: Store;
  /** the previous version's store, when this folder still has to be upgraded */
  legacy: StoreData | null;
  close(): void;
}

/** Set in the database while an upgrade runs: found at start-up, it means the last one did not finish. */
export const UPGRADE_MARK = 'upgrading';

export async function openStore(options: OpenStoreOptions): Promise<OpenedStore> {
  const { dataDir, fsys, clock, log, notices } = options;
  const documents = await openDocuments(fsys, dataDir, clock);
  if (documents.movedAside.length > 0) {
    notices.push(
      `Your settings and watches could not be read (${documents.movedAside.join(', ')} moved aside) and were rebuilt from the journal.`,
    );
    log.warn('Documents file damaged; rebuilt from the journal', { movedAside: documents.movedAside });
  }
  let opened = openDatabase(dataDir, clock);
  if (opened.existed && (await upgradeCutOff(opened.db, fsys, dataDir))) {
    opened.db.close(); // start it over from the old file
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(dataDir, `${DB_FILE}${suffix}`), { force: true });
    opened = openDatabase(dataDir, clock);
  }
  if (opened.movedAside.length > 0) {
    notices.push(
      `The product database was damaged (${opened.movedAside.join(', ')} moved aside) and was rebuilt from the journal.`,
    );
    log.warn('Database damaged; rebuilt from the journal', { movedAside: opened.movedAside });
  }
  let legacy: StoreData | null = null;
  if (!opened.existed && hasLegacyStore(dataDir)) {
    const read = await readLegacyStore(fsys, dataDir, clock);
    legacy = read.data;
    if (read.movedAside.length > 0) {
      notices.push(
        `The saved state was damaged (${read.movedAside.join(', ')} moved aside) and was rebuilt from the journal.`,
      );
    }
  }
  const store = new Store(opened.db, documents.low);
  // At once, in the new database's first transaction: from here a crash anywhere leads back to the old file.
  if (legacy) store.markUpgrading(true);
  return { store, legacy, close: () => opened.db.close() };
}

/**
 * An upgrade that did not finish: the database still carries the mark (the old file, retired or not, is the source),
 * or the old file is still in place (it is retired only after the new store is durable: upgrade.ts).
 */
async function upgradeCutOff(db: Db, fsys: FileSystem, dataDir: string): Promise<boolean> {
  if (db.prepare('SELECT 1 FROM meta WHERE name = ?').get(UPGRADE_MARK)) return unretireLegacyStore(fsys, dataDir);
  return hasLegacyStore(dataDir);
}
