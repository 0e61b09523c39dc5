// Reads feed pages newest-first under a filter, fast at any size: the plain and alerts-only feed by index; a small
// set of products (a few watches, a selective search) by the per-product index; anything larger by scanning the
// feed newest-first in batches with a time budget. A scan that runs out of budget returns what it found and a
// cursor to go on from, so a page is never slow; the UI asks for more as the user scrolls.
import type { Db } from './open.js';

/** Which entries a page may hold. */
export type ScanFilter =
  | { kind: 'all'; alertsOnly: boolean }
  | { kind: 'products'; ids: readonly number[]; alertsOnly: boolean }
  | { kind: 'match'; test: (productId: number) => boolean; alertsOnly: boolean }
  /**
   * tested against the product's words: a search too broad for a product set (it matches most products). Like the
   * search index, it never matches an item known only by its removal (a ghost: no product).
   */
  | { kind: 'text'; test: (text: ProductText) => boolean; alertsOnly: boolean };

export interface ProductText {
  productId: number;
  name: string | null;
  itemId: string;
  catalogId: string;
}

export interface FeedScan {
  /** positions of the entries on this page, newest first */
  positions: number[];
  /** go on from before this position; null when the start of the feed was reached */
  next: number | null;
}

/** Up to this many products, a filter reads each product's entries by index; above, it scans. */
export const INDEXED_PRODUCTS_MAX = 2000;
/** Rows a scan statement reads at most before it is run again from where it stopped. */
const SCAN_BATCH = 2048;
/** A scan looks at the clock every this many rows. */
const CLOCK_EVERY = 64;
const SCAN_BUDGET_MS = 15;

export class FeedScanner {
  private readonly newestStatement;
  private readonly newestAlertsStatement;
  private readonly productsStatement;
  private readonly productsAlertsStatement;
  private readonly batchStatement;
  private readonly batchAlertsStatement;
  private readonly textBatchStatement;
  private readonly textBatchAlertsStatement;

  constructor(db: Db) {
    const pluck = (sql: string) => db.prepare<[number, number], number>(sql).pluck();
    this.newestStatement = pluck('SELECT pos FROM feed WHERE pos < ? ORDER BY pos DESC LIMIT ?');
    this.newestAlertsStatement = pluck('SELECT pos FROM feed WHERE flags & 1 AND pos < ? ORDER BY pos DESC LIMIT ?');
    const byProducts = (alerts: string) =>
      db
        .prepare<[string, number, number], number>(
          `SELECT pos FROM feed WHERE product_id IN (SELECT value FROM json_each(?)) ${alerts} AND pos < ? ORDER BY pos DESC LIMIT ?`,
        )
        .pluck();
    this.productsStatement = byProducts('');
    this.productsAlertsStatement = byProducts('AND flags & 1');
    const batch = (alerts: string) =>
      db
        .prepare<[number, number], [number, number]>(
          `SELECT pos, product_id FROM feed WHERE pos < ? ${alerts} ORDER BY pos DESC LIMIT ?`,
        )
        .raw();
    this.batchStatement = batch('');
    this.batchAlertsStatement = batch('AND flags & 1');
    const textBatch = (alerts: string) =>
      db
        .prepare<[number, number], [number, number, string | null, string, string]>(
          `SELECT f.pos, f.product_id, p.name, p.item_id, p.catalog_id FROM feed f JOIN products p ON p.id = f.product_id
           WHERE f.pos < ? AND NOT p.ghost ${alerts} ORDER BY f.pos DESC LIMIT ?`,
        )
        .raw();
    this.textBatchStatement = textBatch('');
    this.textBatchAlertsStatement = textBatch('AND f.flags & 1');
  }

  /** A page of up to `limit` entries before `before`; a scan reads at most `maxRows` rows (a probe) when given. */
  page(filter: ScanFilter, before: number, limit: number, maxRows = Number.POSITIVE_INFINITY): FeedScan {
    if (filter.kind === 'all') {
      const statement = filter.alertsOnly ? this.newestAlertsStatement : this.newestStatement;
      return complete(statement.all(before, limit), limit);
    }
    if (filter.kind === 'products') {
      if (filter.ids.length === 0) return { positions: [], next: null };
      const statement = filter.alertsOnly ? this.productsAlertsStatement : this.productsStatement;
      return complete(statement.all(JSON.stringify(filter.ids), before, limit), limit);
    }
    if (filter.kind === 'match') {
      const statement = filter.alertsOnly ? this.batchAlertsStatement : this.batchStatement;
      return scan(
        (cursor) => statement.iterate(cursor, SCAN_BATCH),
        (row) => filter.test(row[1]),
        before,
        limit,
        maxRows,
      );
    }
    const statement = filter.alertsOnly ? this.textBatchAlertsStatement : this.textBatchStatement;
    return scan(
      (cursor) => statement.iterate(cursor, SCAN_BATCH),
      ([, productId, name, itemId, catalogId]) => filter.test({ productId, name, itemId, catalogId }),
      before,
      limit,
      maxRows,
    );
  }
}

/**
 * Reads newest-first until the page is full, the feed's start is reached, `maxRows` were read or the time budget is
 * spent. Rows are streamed, so a page that fills from the first rows costs only those rows (a batch used to join
 * and fetch 2,048 rows before the first was tested).
 */
function scan<Row extends [number, ...unknown[]]>(
  batch: (before: number) => IterableIterator<Row>,
  test: (row: Row) => boolean,
  before: number,
  limit: number,
  maxRows: number,
): FeedScan {
  const started = performance.now();
  const positions: number[] = [];
  let cursor = before;
  let read = 0;
  for (;;) {
    let inBatch = 0;
    for (const row of batch(cursor)) {
      inBatch++;
      read++;
      cursor = row[0];
      if (test(row)) {
        positions.push(row[0]);
        if (positions.length === limit) return { positions, next: row[0] };
      }
      if (read >= maxRows) return { positions, next: cursor };
      if (read % CLOCK_EVERY === 0 && performance.now() - started > SCAN_BUDGET_MS) return { positions, next: cursor };
    }
    if (inBatch < SCAN_BATCH) return { positions, next: null };
  }
}

/** A full page may have more behind it; a short one reached the start of the feed. */
function complete(positions: number[], limit: number): FeedScan {
  return { positions, next: positions.length === limit ? (positions.at(-1) ?? null) : null };
}
