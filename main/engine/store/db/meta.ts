// Small values the database keeps about itself, written in the same transaction as the rows they describe.
import type { Db } from './open.js';

export interface ReceiverStats {
  received: number;
  /** deliveries that changed nothing (impact.com's retries, or the same values sent again) */
  duplicates: number;
  quarantined: number;
  lastPostbackAt: string | null;
  testPostbackAt: string | null;
}

export function emptyStats(): ReceiverStats {
  return { received: 0, duplicates: 0, quarantined: 0, lastPostbackAt: null, testPostbackAt: null };
}

/** Set in the database while an upgrade runs: found at start-up, it means the last one did not finish. */
export const UPGRADE_MARK = 'upgrading';

export class Meta {
  private readonly getStatement;
  private readonly setStatement;
  private readonly deleteStatement;

  constructor(db: Db) {
    this.getStatement = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE name = ?');
    this.setStatement = db.prepare('INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)');
    this.deleteStatement = db.prepare('DELETE FROM meta WHERE name = ?');
  }

  get<T>(name: string, fallback: T): T {
    const row = this.getStatement.get(name);
    if (!row) return fallback;
    try {
      return JSON.parse(row.value) as T;
    } catch {
      return fallback;
    }
  }

  set(name: string, value: unknown): void {
    this.setStatement.run(name, JSON.stringify(value));
  }

  has(name: string): boolean {
    return this.getStatement.get(name) !== undefined;
  }

  delete(name: string): void {
    this.deleteStatement.run(name);
  }
}
