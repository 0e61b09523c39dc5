// Checks a copy of the database before anyone relies on it: SQLite's PRAGMA quick_check (every page, every b-tree,
// in order and well formed), then what the copy says it holds. A copy that fails is never restored nor counted as
// covering the journal: the backup copies pages as they are, so a damaged source makes a damaged copy.
// (sqlite-worker.ts does the same off the event loop, for a backup made while the engine runs.)
import type Database from 'better-sqlite3';
import { connect } from './open.js';

export interface CopyCheck {
  ok: boolean;
  /** quick_check's first complaint, or the error that stopped it */
  problem: string | null;
  /** the journal record the copy reflects through */
  appliedSeq: number;
  schemaVersion: number;
  products: number;
}

/**
 * `standalone`: first make the copy one self-contained file (an online backup of a WAL database is itself in WAL
 * mode, and would need its -wal and -shm files beside it).
 */
export function checkDatabaseCopy(file: string, { standalone = false } = {}): CopyCheck {
  let db: Database.Database | null = null;
  try {
    db = connect(file, { fileMustExist: true, readonly: !standalone });
    if (standalone) db.pragma('journal_mode = DELETE');
    const answer = db.pragma('quick_check') as { quick_check: string }[];
    const first = answer[0]?.quick_check ?? 'no answer';
    const seq = db.prepare<[], string>("SELECT value FROM meta WHERE name = 'appliedSeq'").pluck().get();
    return {
      ok: first === 'ok',
      problem: first === 'ok' ? null : first,
      appliedSeq: seq === undefined ? 0 : Number(JSON.parse(seq)),
      schemaVersion: schemaVersionOf(db),
      products: db.prepare<[], number>('SELECT count(*) FROM products WHERE NOT ghost').pluck().get() ?? 0,
    };
  } catch (error) {
    return { ok: false, problem: (error as Error).message, appliedSeq: 0, schemaVersion: 0, products: 0 };
  } finally {
    db?.close();
  }
}

/** The schema version a database file says it has (PRAGMA user_version). */
export function schemaVersionOf(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
