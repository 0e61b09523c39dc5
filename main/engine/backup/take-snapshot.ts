// Makes one snapshot: SQLite's online backup of store.db, checked, in a worker thread (copy-worker.ts; where none
// can run, on the event loop a page range a step), then the documents as they are once the copy is done. The two
// may reflect different journal records (postbacks go on being applied meanwhile): the manifest says which, and
// replay gives each what it lacks. Everything is fsynced and the folder renamed into place last. Files are created
// 0600 in a 0700 folder.
import fs from 'node:fs';
import path from 'node:path';
import type { BackupReason } from '../../../shared/contract/backups.js';
import { DIR_MODE, FILE_MODE, nodeFileSystem, syncDirectory } from '../file-system.js';
import { type CopyCheck, checkDatabaseCopy } from '../store/db/copy-check.js';
import type { Db } from '../store/db/open.js';
import type { Documents } from '../store/documents.js';
import {
  backupsDir,
  MANIFEST,
  type Manifest,
  PARTIAL_PREFIX,
  SNAPSHOT_DB,
  SNAPSHOT_DOCUMENTS,
  type Snapshot,
  snapshotId,
} from './manifest.js';
import { copyInWorker } from './sqlite-worker.js';

/** 256 pages of 4 KiB: about a millisecond of copying between two turns of the event loop. */
const PAGES_PER_STEP = 256;

export interface SnapshotSource {
  db: Db;
  /** the documents and the record they reflect through, read the moment the database copy is complete */
  documents(): Documents;
}

export interface SnapshotOptions {
  dataDir: string;
  reason: BackupReason;
  clock: () => number;
  /** abandons the copy (the engine is closing) */
  signal: AbortSignal;
}

export async function takeSnapshot(source: SnapshotSource, options: SnapshotOptions): Promise<Snapshot> {
  const started = performance.now();
  const at = options.clock();
  const id = snapshotId(at, options.reason);
  const root = backupsDir(options.dataDir);
  fs.mkdirSync(root, { recursive: true, mode: DIR_MODE });
  const partial = path.join(root, `${PARTIAL_PREFIX}${id}`);
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { mode: DIR_MODE });
  try {
    const dbFile = path.join(partial, SNAPSHOT_DB);
    const check = await copyDatabase(source.db, dbFile, options.signal);
    const documents = source.documents();
    const documentsBytes = await writeDurably(
      path.join(partial, SNAPSHOT_DOCUMENTS),
      `${JSON.stringify(documents, null, 2)}\n`,
    );
    await syncFile(dbFile);
    const manifest: Manifest = {
      version: 1,
      id,
      reason: options.reason,
      at: new Date(at).toISOString(),
      tookMs: Math.round(performance.now() - started),
      verified: check.ok,
      problem: check.problem,
      database: {
        bytes: fs.statSync(dbFile).size,
        appliedSeq: check.appliedSeq,
        schemaVersion: check.schemaVersion,
        products: check.products,
      },
      documents: { bytes: documentsBytes, appliedSeq: documents.appliedSeq },
    };
    await writeDurably(path.join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    await syncDirectory(nodeFileSystem, partial);
    const dir = path.join(root, id);
    fs.renameSync(partial, dir);
    await syncDirectory(nodeFileSystem, root);
    return { dir, manifest };
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

async function copyDatabase(db: Db, target: string, signal: AbortSignal): Promise<CopyCheck> {
  createPrivate(target);
  return (await copyInWorker(db.name, target, signal)) ?? copyOnEventLoop(db, target, signal);
}

/**
 * Where no worker can load SQLite: the online backup through the engine's own connection, a page range per turn of
 * the event loop (SQLite writes the engine's changes into the copy as they are made), checked on the loop.
 */
export async function copyOnEventLoop(db: Db, target: string, signal: AbortSignal): Promise<CopyCheck> {
  createPrivate(target);
  await db.backup(target, {
    progress: () => {
      signal.throwIfAborted();
      return PAGES_PER_STEP;
    },
  });
  return checkDatabaseCopy(target, { standalone: true });
}

/** An empty 0600 file: SQLite copies into it, and gives its own journal file the same mode. */
function createPrivate(file: string): void {
  fs.rmSync(file, { force: true });
  fs.closeSync(fs.openSync(file, 'wx', FILE_MODE));
}

/** Writes a new 0600 file and fsyncs it; returns its size. */
async function writeDurably(file: string, text: string): Promise<number> {
  const bytes = Buffer.from(text, 'utf8');
  const handle = await fs.promises.open(file, 'wx', FILE_MODE);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return bytes.length;
}

async function syncFile(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
