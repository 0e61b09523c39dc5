// What each watch rule remembers per product (whether its condition held at the last evaluation): a watch on a
// whole catalog or brand evaluates every product in it separately.
import type { RuleMemory } from '../../ingest/index.js';
import type { Db } from './open.js';

export class RuleMemoryTable {
  private readonly getStatement;
  private readonly setStatement;
  private readonly forgetWatchStatement;

  constructor(db: Db) {
    this.getStatement = db.prepare<[string, number], { memory: string }>(
      'SELECT memory FROM rule_memory WHERE watch_id = ? AND product_id = ?',
    );
    this.setStatement = db.prepare(
      'INSERT OR REPLACE INTO rule_memory (watch_id, product_id, memory) VALUES (?, ?, ?)',
    );
    this.forgetWatchStatement = db.prepare('DELETE FROM rule_memory WHERE watch_id = ?');
  }

  get(watchId: string, productId: number): RuleMemory | undefined {
    const row = this.getStatement.get(watchId, productId);
    return row ? (JSON.parse(row.memory) as RuleMemory) : undefined;
  }

  set(watchId: string, productId: number, memory: RuleMemory): void {
    this.setStatement.run(watchId, productId, JSON.stringify(memory));
  }

  /** New rules (or a deleted watch) start afresh. */
  forgetWatch(watchId: string): void {
    this.forgetWatchStatement.run(watchId);
  }
}
