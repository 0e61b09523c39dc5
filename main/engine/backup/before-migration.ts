// Before the database is brought forward to a newer schema, a snapshot of it as it is: should the migration go
// wrong, or the user go back to the previous version, the data as that version had it is in backups/. Made at
// start-up, before anything writes the database; a backup that cannot be made is logged and the start goes on
// (the journal and the rotation's backups still cover everything).
import fs from 'node:fs';
import path from 'node:path';
import { schemaVersionOf } from '../store/db/copy-check.js';
import { connect, DAMAGED_MARKER, DB_FILE, type Db } from '../store/db/open.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../store/db/schema.js';
import type { Documents } from '../store/documents.js';
import type { Logger } from '../types.js';
import { takeSnapshot } from './take-snapshot.js';

export async function backUpBeforeMigration(
  dataDir: string,
  documents: Documents,
  clock: () => number,
  log: Logger,
): Promise<void> {
  const file = path.join(dataDir, DB_FILE);
  if (!fs.existsSync(file) || fs.existsSync(path.join(dataDir, DAMAGED_MARKER))) return;
  let db: Db | null = null;
  let version: number;
  try {
    db = connect(file, { readonly: true, fileMustExist: true });
    version = schemaVersionOf(db);
  } catch {
    db?.close();
    return; // unreadable: openDatabase moves it aside
  }
  try {
    if (version >= SCHEMA_VERSION || MIGRATIONS[version] === undefined) return;
    const source = { db, documents: () => documents };
    const signal = new AbortController().signal;
    const { manifest } = await takeSnapshot(source, { dataDir, reason: 'migration', clock, signal });
    log.info('Backed up the database before bringing it to a newer schema', { backup: manifest.id, from: version });
  } catch (error) {
    log.warn('Could not back up the database before bringing it to a newer schema', { error: String(error) });
  } finally {
    db?.close();
  }
}
