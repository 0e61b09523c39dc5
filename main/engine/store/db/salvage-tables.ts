// The statements salvage (backup/salvage.ts) runs: each table of a damaged copy of store.db read by key range
// around its broken pages (read-around-damage.ts), and the writes that copy what reads into the store.
import type Database from 'better-sqlite3';
import type { KeyedTable } from './read-around-damage.js';

type RangeSql = { rows: string; probe: string };

/** By key, from..to: `rows` reads a stretch, `probe` finds the next key that reads (see KeyedTable). */
export const DAMAGED_TABLES = {
  products: {
    rows: 'SELECT * FROM products WHERE id >= ? AND id <= ? ORDER BY id',
    probe: 'SELECT id FROM products WHERE id >= ? AND id <= ? ORDER BY id LIMIT 1',
  },
  ruleMemory: {
    rows: 'SELECT * FROM rule_memory WHERE product_id >= ? AND product_id <= ? ORDER BY product_id',
    probe: 'SELECT product_id FROM rule_memory WHERE product_id >= ? AND product_id <= ? ORDER BY product_id LIMIT 1',
  },
  /** two more parameters: the feed positions [from, to) */
  history: {
    rows: 'SELECT * FROM history WHERE product_id >= ? AND product_id <= ? AND pos >= ? AND pos < ? ORDER BY product_id, pos',
    probe:
      'SELECT product_id FROM history WHERE product_id >= ? AND product_id <= ? AND pos >= ? AND pos < ? ORDER BY product_id LIMIT 1',
  },
  feed: {
    rows: 'SELECT * FROM feed WHERE pos >= ? AND pos <= ? ORDER BY pos',
    probe: 'SELECT pos FROM feed WHERE pos >= ? AND pos <= ? ORDER BY pos LIMIT 1',
  },
} satisfies Record<string, RangeSql>;

/** A table to walk by its key, or null when it cannot even be prepared (its schema unreadable). */
export function prepareKeyed<Row>(
  db: Database.Database,
  sql: RangeSql,
  shape: Pick<KeyedTable<Row>, 'keyOf' | 'sane' | 'extra'>,
): KeyedTable<Row> | null {
  try {
    return { rows: db.prepare<unknown[], Row>(sql.rows), probe: db.prepare(sql.probe), ...shape };
  } catch {
    return null;
  }
}

/** How far each device had read, as the damaged copy says (throws when that table does not read). */
export function damagedReadThrough(db: Database.Database): { device: string; pos: number }[] {
  return db.prepare<[], { device: string; pos: number }>('SELECT device, pos FROM read_through').all();
}

/** The writes into the store. Each returns the rows it added: 0 when a damaged row breaks a constraint. */
export class SalvageWrites {
  private readonly historyStatement;
  private readonly historyCountStatement;
  private readonly feedStatement;
  private readonly bumpStatement;
  private readonly readThroughStatement;

  constructor(db: Database.Database) {
    this.historyStatement = db.prepare(
      'INSERT OR IGNORE INTO history (product_id, pos, at, price, currency, stock, inventory) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.historyCountStatement = db
      .prepare<[number], number>('SELECT count(*) FROM history WHERE product_id = ?')
      .pluck();
    this.feedStatement = db.prepare(
      'INSERT OR IGNORE INTO feed (pos, product_id, at, operation, unknown_operation, flags, changes, alerts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.bumpStatement = db.prepare(
      'UPDATE products SET feed_entries = feed_entries + 1, feed_alerts = feed_alerts + ? WHERE id = ?',
    );
    this.readThroughStatement = db.prepare(
      'INSERT INTO read_through (device, pos) VALUES (?, ?) ON CONFLICT (device) DO UPDATE SET pos = max(pos, excluded.pos)',
    );
  }

  /** product id, pos, at, price, currency, stock, inventory */
  history(values: unknown[]): number {
    return tryRun(this.historyStatement, values);
  }

  historyCount(productId: number): number {
    return this.historyCountStatement.get(productId) ?? 0;
  }

  /** pos, product id, at, operation, unknown operation, flags, changes, alerts; counted on the product */
  feedEntry(values: unknown[], productId: number, alerts: number): number {
    if (tryRun(this.feedStatement, values) === 0) return 0;
    this.bumpStatement.run(alerts, productId);
    return 1;
  }

  /** The further of the store's and the copy's. */
  readThrough(device: string, pos: number): void {
    this.readThroughStatement.run(device, pos);
  }
}

function tryRun(statement: Database.Statement, values: unknown[]): number {
  try {
    return statement.run(...values).changes;
  } catch {
    return 0;
  }
}
