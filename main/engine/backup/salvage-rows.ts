// The rows salvage.ts copies besides the products: history points and feed entries by position range, with the
// products' counters and the feed search kept right, and how far each device had read.
import type Database from 'better-sqlite3';
import type { FeedRow } from '../store/db/feed.js';
import { readAroundDamage } from '../store/db/read-around-damage.js';
import { DAMAGED_TABLES, damagedReadThrough, prepareKeyed, type SalvageWrites } from '../store/db/salvage-tables.js';
import { HAS_ALERTS } from '../store/db/schema.js';
import type { Store } from '../store/store.js';

export interface SalvageResult {
  /** products added, or brought up to date, from the damaged file */
  products: number;
  historyPoints: number;
  feedEntries: number;
  /** stretches of the file that could not be read */
  damagedStretches: number;
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
  writes: SalvageWrites;
  /** the damaged file's product ids → the store's */
  ids: Map<number, number>;
  fromPos: number;
  /** exclusive: the journal's first record's position */
  toPos: number;
  result: SalvageResult;
}

export function copyHistory({ aside, store, writes, ids, fromPos, toPos, result }: LostRows): void {
  const table = prepareKeyed<HistoryRow>(aside, DAMAGED_TABLES.history, {
    keyOf: (row) => row.product_id,
    sane: (row) =>
      isTime(row.at) && typeof row.stock === 'string' && isNumberOrNull(row.price) && isTextOrNull(row.currency),
    extra: [fromPos, toPos],
  });
  if (!table) return;
  const touched = new Set<number>();
  result.damagedStretches += readAroundDamage(table, 0, Number.MAX_SAFE_INTEGER, (row) => {
    const id = ids.get(row.product_id);
    if (id === undefined) return;
    const added = writes.history([id, row.pos, row.at, row.price, row.currency, row.stock, row.inventory]);
    result.historyPoints += added;
    if (added > 0) touched.add(id);
  });
  const limit = store.settings.retention.historyPerProduct;
  for (const id of touched) store.products.trimHistory(id, writes.historyCount(id), limit);
}

export function copyFeed({ aside, store, writes, ids, fromPos, toPos, result }: LostRows): void {
  const table = prepareKeyed<FeedRow>(aside, DAMAGED_TABLES.feed, { keyOf: (row) => row.pos, sane: isSaneFeedRow });
  if (!table || toPos <= fromPos) return;
  const touched = new Set<number>();
  result.damagedStretches += readAroundDamage(table, fromPos, toPos - 1, (row) => {
    const id = ids.get(row.product_id);
    if (id === undefined) return;
    const values = [row.pos, id, row.at, row.operation, row.unknown_operation, row.flags, row.changes, row.alerts];
    if (writes.feedEntry(values, id, row.flags & HAS_ALERTS) === 0) return;
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
export function copyReadState(aside: Database.Database, writes: SalvageWrites, result: SalvageResult): void {
  try {
    for (const row of damagedReadThrough(aside)) writes.readThrough(row.device, row.pos);
  } catch {
    result.damagedStretches++; // unread marks are all that is lost
  }
}

export function isSaneFeedRow(row: FeedRow): boolean {
  if (!isTime(row.at) || typeof row.operation !== 'string' || !Number.isInteger(row.flags)) return false;
  try {
    return Array.isArray(JSON.parse(row.changes)) && (row.alerts === null || Array.isArray(JSON.parse(row.alerts)));
  } catch {
    return false;
  }
}
