// Puts the newest good snapshot back at start-up: its database in place of a store.db that was damaged or missing,
// and its documents when documents.json and its previous generation are both unreadable. "Good" is checked again
// now, on the very copy that is used (bit rot since the backup was made is not ruled out): a snapshot that fails
// quick_check is passed over for the next older one. The journal after the snapshot is then replayed as usual.
import fs from 'node:fs';
import path from 'node:path';
import { FILE_MODE, syncDirectorySync } from '../file-system.js';
import { checkDatabaseCopy } from '../store/db/copy-check.js';
import { SCHEMA_VERSION } from '../store/db/schema.js';
import { type Documents, parseDocuments } from '../store/documents.js';
import type { Logger } from '../types.js';
import { filesPresent, listSnapshots, SNAPSHOT_DB, SNAPSHOT_DOCUMENTS, type Snapshot } from './manifest.js';

/** Copies the newest snapshot that still checks out to `target`; null when none does (or there are none). */
export function restoreNewestSnapshot(dataDir: string, target: string, log: Logger): Snapshot | null {
  for (const snapshot of trustedSnapshots(dataDir)) {
    const restoring = `${target}.restoring`;
    fs.rmSync(restoring, { force: true });
    copyDurably(path.join(snapshot.dir, SNAPSHOT_DB), restoring);
    const check = checkDatabaseCopy(restoring);
    if (check.ok) {
      fs.renameSync(restoring, target);
      syncDirectorySync(path.dirname(target));
      log.warn('Restored the product database from a backup', { backup: snapshot.manifest.id });
      return snapshot;
    }
    fs.rmSync(restoring, { force: true });
    log.error('A backup failed its check and was passed over', {
      backup: snapshot.manifest.id,
      problem: check.problem,
    });
  }
  return null;
}

/** The documents of the newest snapshot whose documents file still reads, with that snapshot. */
export function newestSnapshotDocuments(dataDir: string): { snapshot: Snapshot; documents: Documents } | null {
  for (const snapshot of trustedSnapshots(dataDir)) {
    try {
      const documents = parseDocuments(fs.readFileSync(path.join(snapshot.dir, SNAPSHOT_DOCUMENTS), 'utf8'));
      if (documents) return { snapshot, documents };
    } catch {
      // unreadable: the next older one
    }
  }
  return null;
}

/**
 * Snapshots that were checked when made, whose files are all there, and whose schema this version knows (one made by
 * a newer version, before going back to this one, would only be moved aside again), newest first.
 */
function trustedSnapshots(dataDir: string): Snapshot[] {
  return listSnapshots(dataDir).filter(
    ({ manifest, ...rest }) =>
      manifest.verified && manifest.database.schemaVersion <= SCHEMA_VERSION && filesPresent({ manifest, ...rest }),
  );
}

function copyDurably(from: string, to: string): void {
  fs.copyFileSync(from, to);
  fs.chmodSync(to, FILE_MODE);
  const fd = fs.openSync(to, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
