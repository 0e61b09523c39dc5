// The feed: one row per change, newest last. Rows hold what changed and the alerts; the product is joined in when
// read, so a row never carries a stale copy of it.
import type { Operation } from '../../../../shared/contract/enums.js';
import type { Alert, FieldChange } from '../../../../shared/contract/feed.js';
import type { StoredFeedEntry } from '../feed-entry.js';
import { Meta } from './meta.js';
import type { Db } from './open.js';
import { ENTRIES_PER_RECORD, FROM_API, feedPos, HAS_ALERTS, IS_NEW, seqOfPos } from './schema.js';
import type { SearchIndex } from './search-index.js';
import type { TransactionParticipant } from './unit-of-work.js';

export interface FeedRow {
  pos: number;
  product_id: number;
  at: number;
  operation: string;
  unknown_operation: string | null;
  flags: number;
  changes: string;
  alerts: string | null;
}

interface FeedCounts {
  entries: number;
  alerts: number;
}

export class FeedTable implements TransactionParticipant {
  private readonly meta: Meta;
  private readonly insertStatement;
  private readonly bumpProductStatement;
  private readonly countStatement;
  private readonly alertCountStatement;
  private readonly oldestStatement;
  private readonly newestStatement;
  private readonly positionAtOffsetStatement;
  private readonly droppedStatement;
  private readonly dropProductCountsStatement;
  private readonly deleteThroughStatement;
  /** entries in the feed, and of them with alerts: kept here so totals cost nothing */
  private counts: FeedCounts = { entries: 0, alerts: 0 };

  constructor(
    db: Db,
    private readonly search: SearchIndex,
  ) {
    this.insertStatement = db.prepare(
      'INSERT INTO feed (pos, product_id, at, operation, unknown_operation, flags, changes, alerts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.bumpProductStatement = db.prepare<
      [number, number],
      { feed_entries: number; ghost: number; name: string | null; item_id: string }
    >(
      'UPDATE products SET feed_entries = feed_entries + 1, feed_alerts = feed_alerts + ? WHERE id = ? RETURNING feed_entries, ghost, name, item_id',
    );
    this.countStatement = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM feed');
    this.alertCountStatement = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM feed WHERE flags & 1');
    this.oldestStatement = db.prepare<[], { pos: number }>('SELECT pos FROM feed ORDER BY pos LIMIT 1');
    this.newestStatement = db.prepare<[], { pos: number }>('SELECT pos FROM feed ORDER BY pos DESC LIMIT 1');
    this.positionAtOffsetStatement = db.prepare<[number], { pos: number }>(
      'SELECT pos FROM feed ORDER BY pos LIMIT 1 OFFSET ?',
    );
    // Read the dropped rows by position and count them here: with GROUP BY, SQLite walked the whole per-product index
    // (200,000 entries) for each trim of a few dozen.
    this.droppedStatement = db
      .prepare<[number], [number, number, number]>(
        'SELECT pos, product_id, flags FROM feed WHERE pos <= ? ORDER BY pos',
      )
      .raw();
    this.dropProductCountsStatement = db
      .prepare<[number, number, number], number>(
        'UPDATE products SET feed_entries = feed_entries - ?, feed_alerts = feed_alerts - ? WHERE id = ? RETURNING feed_entries',
      )
      .pluck();
    this.deleteThroughStatement = db.prepare('DELETE FROM feed WHERE pos <= ?');
    this.meta = new Meta(db);
    // Saved with every transaction: counting 200,000 entries at start-up read the whole feed from disk.
    const saved = this.meta.get<FeedCounts | null>('feedCounts', null);
    if (saved) this.counts = { entries: saved.entries, alerts: saved.alerts };
    else this.recount();
  }

  get entries(): number {
    return this.counts.entries;
  }

  get alerts(): number {
    return this.counts.alerts;
  }

  /** Counts the entries afresh (a store without saved counts, or rows written past this table: salvage). */
  recount(): void {
    this.counts = { entries: this.countStatement.get()?.n ?? 0, alerts: this.alertCountStatement.get()?.n ?? 0 };
  }

  beforeCommit(): void {
    this.meta.set('feedCounts', this.counts);
  }

  /** A failed transaction left the counts unsure. */
  rolledBack(): void {
    this.recount();
  }

  append(entry: StoredFeedEntry, productId: number): number {
    const pos = posOfId(entry.id);
    if (pos === null) throw new Error(`bad feed entry id ${entry.id}`);
    const hasAlerts = entry.alerts.length > 0;
    const flags = (hasAlerts ? HAS_ALERTS : 0) | (entry.isNew ? IS_NEW : 0) | (entry.source === 'api' ? FROM_API : 0);
    this.insertStatement.run(
      pos,
      productId,
      Date.parse(entry.at),
      entry.operation,
      entry.unknownOperation ?? null,
      flags,
      JSON.stringify(entry.changes),
      hasAlerts ? JSON.stringify(entry.alerts) : null,
    );
    const product = this.bumpProductStatement.get(hasAlerts ? 1 : 0, productId);
    if (product?.feed_entries === 1 && !product.ghost) this.search.put(productId, product.name, product.item_id);
    this.counts.entries++;
    if (hasAlerts) this.counts.alerts++;
    return pos;
  }

  oldestPos(): number | null {
    return this.oldestStatement.get()?.pos ?? null;
  }

  newestPos(): number | null {
    return this.newestStatement.get()?.pos ?? null;
  }

  /** Drops the oldest entries beyond `keep`; returns the dropped positions, oldest first (none: an empty list). */
  trim(keep: number): number[] {
    const drop = this.entries - keep;
    if (drop <= 0) return [];
    const through = this.positionAtOffsetStatement.get(drop - 1)?.pos;
    if (through === undefined) return [];
    const dropped: number[] = [];
    const perProduct = new Map<number, { n: number; alerts: number }>();
    for (const [pos, productId, flags] of this.droppedStatement.all(through)) {
      dropped.push(pos);
      const counts = perProduct.get(productId) ?? { n: 0, alerts: 0 };
      counts.n++;
      counts.alerts += flags & HAS_ALERTS;
      perProduct.set(productId, counts);
    }
    for (const [productId, { n, alerts }] of perProduct) {
      if (this.dropProductCountsStatement.get(n, alerts, productId) === 0) this.search.drop(productId);
      this.counts.entries -= n;
      this.counts.alerts -= alerts;
    }
    this.deleteThroughStatement.run(through);
    return dropped;
  }
}

/** "<seq>" or "<seq>.<n>" → the feed position, or null when the id is not one. */
export function posOfId(id: string): number | null {
  const match = /^(\d{1,15})(?:\.(\d{1,4}))?$/.exec(id);
  if (!match) return null;
  const index = match[2] === undefined ? 0 : Number(match[2]);
  if (index >= ENTRIES_PER_RECORD) return null;
  return feedPos(Number(match[1]), index);
}

export function idOfPos(pos: number): string {
  const index = pos % ENTRIES_PER_RECORD;
  const seq = seqOfPos(pos);
  return index === 0 ? String(seq) : `${seq}.${index}`;
}

/** A stored row → the entry without its product (joined by the caller) and without `read` (per device). */
export function entryFromRow(row: FeedRow, key: string): Omit<StoredFeedEntry, 'read'> {
  const entry: Omit<StoredFeedEntry, 'read'> = {
    id: idOfPos(row.pos),
    at: new Date(row.at).toISOString(),
    seq: seqOfPos(row.pos),
    key,
    operation: row.operation as Operation,
    isNew: (row.flags & IS_NEW) !== 0,
    source: (row.flags & FROM_API) !== 0 ? 'api' : 'postback',
    changes: JSON.parse(row.changes) as FieldChange[],
    alerts: row.alerts === null ? [] : (JSON.parse(row.alerts) as Alert[]),
  };
  if (row.unknown_operation !== null) entry.unknownOperation = row.unknown_operation;
  return entry;
}
