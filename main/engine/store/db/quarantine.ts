// Authenticated postbacks Shelfwatch could not use, with the reason, kept so they can be re-processed after the user
// fixes the field mapping. Bounded: the oldest go first.
import type { QuarantineEntry, RawRequest } from '../../../../shared/contract/quarantine.js';
import type { Db } from './open.js';

export const QUARANTINE_LIMIT = 1000;

interface QuarantineRow {
  seq: number;
  at: number;
  reason: string;
  raw: string;
}

export class QuarantineTable {
  private readonly addStatement;
  private readonly trimStatement;
  private readonly listStatement;
  private readonly removeStatement;
  private readonly countStatement;

  constructor(db: Db) {
    this.addStatement = db.prepare('INSERT OR REPLACE INTO quarantine (seq, at, reason, raw) VALUES (?, ?, ?, ?)');
    this.trimStatement = db.prepare(
      'DELETE FROM quarantine WHERE seq NOT IN (SELECT seq FROM quarantine ORDER BY seq DESC LIMIT ?)',
    );
    this.listStatement = db.prepare<[], QuarantineRow>('SELECT * FROM quarantine ORDER BY seq');
    this.removeStatement = db.prepare('DELETE FROM quarantine WHERE seq = ?');
    this.countStatement = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM quarantine');
  }

  add(entry: QuarantineEntry): number {
    this.addStatement.run(entry.seq, Date.parse(entry.at), entry.reason, JSON.stringify(entry.raw));
    this.trimStatement.run(QUARANTINE_LIMIT);
    return this.count();
  }

  /** Oldest first. */
  list(): QuarantineEntry[] {
    return this.listStatement.all().map((row) => ({
      id: String(row.seq),
      seq: row.seq,
      at: new Date(row.at).toISOString(),
      reason: row.reason,
      raw: JSON.parse(row.raw) as RawRequest,
    }));
  }

  remove(seq: number): void {
    this.removeStatement.run(seq);
  }

  count(): number {
    return this.countStatement.get()?.n ?? 0;
  }
}
