// Authenticated postbacks Shelfwatch could not use, or not all of (`applied`: its readable fields were applied), with
// the reason, kept so they can be re-processed after the user fixes the field mapping, or dismissed. Bounded: the
// oldest go first.
import type { QuarantineEntry, RawRequest } from '../../../../shared/contract/quarantine.js';
import type { Db } from './open.js';

export const QUARANTINE_LIMIT = 1000;

interface QuarantineRow {
  seq: number;
  at: number;
  reason: string;
  raw: string;
  applied: number;
}

export class QuarantineTable {
  private readonly addStatement;
  private readonly trimStatement;
  private readonly listStatement;
  private readonly removeStatement;
  private readonly removeThroughStatement;
  private readonly countStatement;
  private readonly newestStatement;

  constructor(db: Db) {
    this.addStatement = db.prepare(
      'INSERT OR REPLACE INTO quarantine (seq, at, reason, raw, applied) VALUES (?, ?, ?, ?, ?)',
    );
    this.trimStatement = db.prepare(
      'DELETE FROM quarantine WHERE seq NOT IN (SELECT seq FROM quarantine ORDER BY seq DESC LIMIT ?)',
    );
    this.listStatement = db.prepare<[], QuarantineRow>('SELECT * FROM quarantine ORDER BY seq');
    this.removeStatement = db.prepare('DELETE FROM quarantine WHERE seq = ?');
    this.removeThroughStatement = db.prepare('DELETE FROM quarantine WHERE seq <= ?');
    this.countStatement = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM quarantine');
    this.newestStatement = db.prepare<[], { seq: number }>('SELECT max(seq) AS seq FROM quarantine');
  }

  add(entry: QuarantineEntry): number {
    const applied = entry.applied ? 1 : 0;
    this.addStatement.run(entry.seq, Date.parse(entry.at), entry.reason, JSON.stringify(entry.raw), applied);
    this.trimStatement.run(QUARANTINE_LIMIT);
    return this.count();
  }

  /** Oldest first. */
  list(): QuarantineEntry[] {
    return this.listStatement.all().map((row) => {
      const entry: QuarantineEntry = {
        id: String(row.seq),
        seq: row.seq,
        at: new Date(row.at).toISOString(),
        reason: row.reason,
        raw: JSON.parse(row.raw) as RawRequest,
      };
      if (row.applied === 1) entry.applied = true;
      return entry;
    });
  }

  /** Returns whether it was there. */
  remove(seq: number): boolean {
    return this.removeStatement.run(seq).changes > 0;
  }

  /** Removes every entry up to and including `seq`; returns how many. */
  removeThrough(seq: number): number {
    return this.removeThroughStatement.run(seq).changes;
  }

  newestSeq(): number | null {
    return this.newestStatement.get()?.seq ?? null;
  }

  count(): number {
    return this.countStatement.get()?.n ?? 0;
  }
}
