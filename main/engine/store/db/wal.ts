// Copying the write-ahead log into the database file, with the syncs left to the caller (checkpoint.ts does them
// off the event loop): SQLite's own syncs would block it for as long as the disk takes.
import type { Db } from './open.js';

export function copyLogWithoutSync(db: Db): void {
  db.pragma('synchronous = OFF');
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } finally {
    db.pragma('synchronous = NORMAL');
  }
}
