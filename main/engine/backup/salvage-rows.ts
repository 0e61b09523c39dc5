// The rows salvage.ts copies besides the products: history points and feed entries by position range, with the
// products' counters and the feed search kept right, and how far each device had read.
import type Database from 'better-sqlite3';
import type { FeedRow } from '../store/db/feed.js';
import { HAS_ALERTS } from '../store/db/schema.js';
import type { Store } from '../store/store.js';
import { type KeyedTable, readAroundDamage } from './read-around-damage.js';

export interface SalvageResult {
  /** products added, or brought up to date, from the damaged file */
  products: number;
  historyPoints: number;
  feedEntries: number;
  /** stretches of the file that could not be read */
  damagedStretches: number;
}

/** A table to walk by its key, or null when it cannot even be prepared (its schema unreadable). */
export function prepareKeyed<Row>(
  db: Database.Database,
  sql: { rows: string; probe: string },
  shape: Pick<KeyedTable<Row>, 'keyOf' | 'sane' | 'extra'>,
): KeyedTable<Row> | null {
  try {
    return { rows: db.prepare<unknown[], Row>(sql.rows), probe: db.prepare(sql.probe), ...shape };
  } catch {
    return null;
  }
}

const isTime = (value: unknown) => Number.isSafeInteger(value);
const isNumberOrNull = (value: unknown) => value === null || typeof value === 'number';
const isTextOrNull = (value: unknown) => value === null || typeof value === 'string';

interface HistoryRow {
  product_id: number;
  pos: number;
  at: number;
  price: number | null;
  currency: string | null;
  stock: string;
  inventory: number | null;
}

/** What rows of the lost records are copied: from `aside` into `store`, for products `ids` maps, by position. */
export interface LostRows {
  aside: Database.Database;
  store: Store;
  /** the damaged file's product ids → the store's */
  ids: Map<number, number>;
  fromPos: number;
  /** exclusive: the journal's first record's position */
  toPos: number;
  result: SalvageResult;
}

export function copyHistory({ aside, store, ids, fromPos, toPos, result }: LostRows): void {
  const table = prepareKeyed<HistoryRow>(
    aside,
    {
      rows: 'SELECT * FROM history WHERE product_id >= ? AND product_id <= ? AND pos >= ? AND pos < ? ORDER BY product_id, pos',
      probe:
        'SELECT product_id FROM history WHERE product_id >= ? AND product_id <= ? AND pos >= ? AND pos < ? ORDER BY product_id LIMIT 1',
    },
    {
      keyOf: (row) => row.product_id,
      sane: (row) =>
        isTime(row.at) && typeof row.stock === 'string' && isNumberOrNull(row.price) && isTextOrNull(row.currency),
      extra: [fromPos, toPos],
    },
  );
  if (!table) return;
  const insert = store.db.prepare(
    'INSERT OR IGNORE INTO history (product_id, pos, at, price, currency, stock, inventory) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const touched = new Set<number>();
  result.damagedStretches += readAroundDamage(table, 0, Number.MAX_SAFE_INTEGER, (row) => {
    const id = ids.get(row.product_id);
    if (id === undefined) return;
    const added = tryRun(insert, [id, row.pos, row.at, row.price, row.currency, row.stock, row.inventory]);
    result.historyPoints += added;
    if (added > 0) touched.add(id);
  });
  const count = store.db.prepare<[number], number>('SELECT count(*) FROM history WHERE product_id = ?').pluck();
  const limit = store.settings.retention.historyPerProduct;
  for (const id of touched) store.products.trimHistory(id, count.get(id) ?? 0, limit);
}

export function copyFeed({ aside, store, ids, fromPos, toPos, result }: LostRows): void {
  const table = prepareKeyed<FeedRow>(aside, FEED_SQL, { keyOf: (row) => row.pos, sane: isSaneFeedRow });
  if (!table || toPos <= fromPos) return;
  const insert = store.db.prepare(
    'INSERT OR IGNORE INTO feed (pos, product_id, at, operation, unknown_operation, flags, changes, alerts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const bump = store.db.prepare(
    'UPDATE products SET feed_entries = feed_entries + 1, feed_alerts = feed_alerts + ? WHERE id = ?',
  );
  const touched = new Set<number>();
  result.damagedStretches += readAroundDamage(table, fromPos, toPos - 1, (row) => {
    const id = ids.get(row.product_id);
    if (id === undefined) return;
    const values = [row.pos, id, row.at, row.operation, row.unknown_operation, row.flags, row.changes, row.alerts];
    if (tryRun(insert, values) === 0) return;
    bump.run(row.flags & HAS_ALERTS, id);
    touched.add(id);
    result.feedEntries++;
  });
  for (const id of touched) {
    const product = store.products.byId(id);
    if (product && !product.ghost) store.products.renamed(id, product); // joins the search with its first entry
  }
  store.feed.recount();
}

/** How far each device had read: the further of the two. */
export function copyReadState(aside: Database.Database, store: Store, result: SalvageResult): void {
  try {
    const rows = aside.prepare<[], { device: string; pos: number }>('SELECT device, pos FROM read_through').all();
    const keep = store.db.prepare(
      'INSERT INTO read_through (device, pos) VALUES (?, ?) ON CONFLICT (device) DO UPDATE SET pos = max(pos, excluded.pos)',
    );
    for (const row of rows) keep.run(row.device, row.pos);
  } catch {
    result.damagedStretches++; // unread marks are all that is lost
  }
}

export const FEED_SQL = {
  rows: 'SELECT * FROM feed WHERE pos >= ? AND pos <= ? ORDER BY pos',
  probe: 'SELECT pos FROM feed WHERE pos >= ? AND pos <= ? ORDER BY pos LIMIT 1',
};

export function isSaneFeedRow(row: FeedRow): boolean {
  if (!isTime(row.at) || typeof row.operation !== 'string' || !Number.isInteger(row.flags)) return false;
  try {
    return Array.isArray(JSON.parse(row.changes)) && (row.alerts === null || Array.isArray(JSON.parse(row.alerts)));
  } catch {
    return false;
  }
}

/** Rows changed; 0 when the row would not go in (a constraint a damaged row breaks): skipped, the rest go on. */
export function tryRun(statement: Database.Statement, values: unknown[]): number {
  try {
    return statement.run(...values).changes;
  } catch {
    return 0;
  }
}
