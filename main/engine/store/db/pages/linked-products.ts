// The products the partner's pages link to, as the journal last recorded them after a scan: what a watch on
// `{ linkedFromPages: true }` covers. Journaled (not read from the link index) so that applying the journal again
// gives the same alerts, and so the watch survives a rebuild of the database.
import type { Db } from '../open.js';

export class LinkedProducts {
  private readonly hasStatement;
  private readonly addStatement;
  private readonly removeStatement;
  private readonly allStatement;
  private readonly linkedNowStatement;

  constructor(db: Db) {
    this.hasStatement = db.prepare<[string], number>('SELECT 1 FROM linked_products WHERE key = ?').pluck();
    this.addStatement = db.prepare('INSERT OR IGNORE INTO linked_products (key) VALUES (?)');
    this.removeStatement = db.prepare('DELETE FROM linked_products WHERE key = ?');
    this.allStatement = db.prepare<[], string>('SELECT key FROM linked_products').pluck();
    this.linkedNowStatement = db
      .prepare<[], string>(
        'SELECT DISTINCT p.key FROM links l JOIN products p ON p.id = l.product_id WHERE l.product_id IS NOT NULL',
      )
      .pluck();
  }

  has(key: string): boolean {
    return this.hasStatement.get(key) !== undefined;
  }

  /** Part of applying a linkedProducts command. */
  apply(added: readonly string[], removed: readonly string[]): void {
    for (const key of removed) this.removeStatement.run(key);
    for (const key of added) this.addStatement.run(key);
  }

  keys(): string[] {
    return this.allStatement.all();
  }

  /** What the link index says now, against what the journal last recorded: the command that brings them together. */
  difference(): { added: string[]; removed: string[] } {
    const recorded = new Set(this.allStatement.all());
    const now = new Set(this.linkedNowStatement.all());
    return {
      added: [...now].filter((key) => !recorded.has(key)).sort(),
      removed: [...recorded].filter((key) => !now.has(key)).sort(),
    };
  }
}
