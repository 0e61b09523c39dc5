// Opens the store of a data folder: the documents (lowdb), the database (SQLite), and — for a folder written by
// the previous version — the old store file to upgrade from. Whatever was damaged is moved aside; a database that
// is damaged or missing is restored from the newest good backup, and so are the documents when neither of their
// generations reads and the journal no longer reaches back. What was done is returned for the engine to tell the
// user once the journal has been replayed (backup/recovery.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { Notice } from '../../../shared/contract/status.js';
import { backUpBeforeMigration } from '../backup/before-migration.js';
import type { Snapshot } from '../backup/manifest.js';
import type { OpenRecovery } from '../backup/open-recovery.js';
import { newestSnapshotDocuments, restoreNewestSnapshot } from '../backup/restore.js';
import type { FileSystem } from '../file-system.js';
import { listSegments } from '../journal/segments.js';
import type { Logger } from '../types.js';
import type { StoreData } from '../upgrade/legacy/state.js';
import { hasLegacyStore, readLegacyStore, unretireLegacyStore } from '../upgrade/upgrade-store.js';
import { Meta, UPGRADE_MARK } from './db/meta.js';
import { DB_FILE, type Db, openDatabase } from './db/open.js';
import { openDocuments } from './documents.js';
import { Store } from './store.js';

export interface OpenStoreOptions {
  dataDir: string;
  fsys: FileSystem;
  clock: () => number;
  log: Logger;
  notices: Notice[];
}

export interface OpenedStore {
  store: Store;
  /** the previous version's store, when this folder still has to be upgraded */
  legacy: StoreData | null;
  recovery: OpenRecovery;
  close(): void;
}

export async function openStore(options: OpenStoreOptions): Promise<OpenedStore> {
  const { dataDir, fsys, clock, log, notices } = options;
  const documents = await openDocuments(fsys, dataDir, clock);
  if (documents.movedAside.length > 0) log.warn('Documents file damaged', { movedAside: documents.movedAside });
  const upgrading = hasLegacyStore(dataDir);
  let documentsRestored: Snapshot | null = null;
  if (!documents.found && !upgrading && (await journalStart(fsys, dataDir)) > 1) {
    const fromBackup = newestSnapshotDocuments(dataDir);
    if (fromBackup) {
      documents.low.data = fromBackup.documents;
      documentsRestored = fromBackup.snapshot;
    }
  }
  await backUpBeforeMigration(dataDir, documents.low.data, clock, log);
  let databaseRestored: Snapshot | null = null;
  const restore = (file: string) => {
    databaseRestored = restoreNewestSnapshot(dataDir, file, log);
    return databaseRestored !== null;
  };
  let opened = openDatabase(dataDir, clock, upgrading ? {} : { restore });
  if (opened.existed && (await upgradeCutOff(opened.db, fsys, dataDir))) {
    opened.db.close(); // start it over from the old file
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(dataDir, `${DB_FILE}${suffix}`), { force: true });
    opened = openDatabase(dataDir, clock);
  }
  if (opened.movedAside.length > 0) log.warn('Database damaged', { movedAside: opened.movedAside });
  let legacy: StoreData | null = null;
  if (!opened.existed && hasLegacyStore(dataDir)) {
    const read = await readLegacyStore(fsys, dataDir, clock);
    legacy = read.data;
    if (read.movedAside.length > 0) {
      notices.push({
        code: 'state-rebuilt',
        message: `The saved state was damaged (${read.movedAside.join(', ')} moved aside) and was rebuilt from the journal.`,
      });
    }
  }
  const store = new Store(opened.db, documents.low);
  // At once, in the new database's first transaction: from here a crash anywhere leads back to the old file.
  if (legacy) store.markUpgrading(true);
  const recovery: OpenRecovery = {
    databaseMovedAside: opened.movedAside,
    databaseIsNew: !opened.existed && legacy === null,
    databaseRestored,
    documentsMovedAside: documents.movedAside,
    documentsLost: !documents.found && legacy === null,
    documentsRestored,
    databaseSeq: store.appliedSeq,
    documentsSeq: store.docs.appliedSeq,
  };
  return { store, legacy, recovery, close: () => opened.db.close() };
}

/** The first journal record still on disk (1 when nothing was ever pruned, or there is no journal). */
async function journalStart(fsys: FileSystem, dataDir: string): Promise<number> {
  const segments = await listSegments(fsys, path.join(dataDir, 'journal')).catch(() => []);
  return segments[0]?.firstSeq ?? 1;
}

/**
 * An upgrade that did not finish: the database still carries the mark (the old file, retired or not, is the source),
 * or the old file is still in place (it is retired only after the new store is durable: upgrade/upgrade-store.ts).
 */
async function upgradeCutOff(db: Db, fsys: FileSystem, dataDir: string): Promise<boolean> {
  if (new Meta(db).has(UPGRADE_MARK)) return unretireLegacyStore(fsys, dataDir);
  return hasLegacyStore(dataDir);
}
