// When neither a backup nor the journal reaches back to some records, the damaged store.db that was moved aside may
// still hold what they made. Before the journal is replayed, whatever of it reads is copied into the store as it
// was just before the journal's first record: every product with its state then, and the history points and feed
// entries the lost records made (by feed position, so nothing the journal replays is copied twice). A product the
// journal's records changed again is taken back to that moment by undoing, newest first, the changes its feed
// entries from those records list; the replay then makes those entries, and their alerts, exactly as before.
import type Database from 'better-sqlite3';
import type { FieldChange } from '../../../shared/contract/feed.js';
import type { ProductState } from '../../../shared/contract/product.js';
import { productKey } from '../../../shared/domain/watch-target.js';
import { trimFeed } from '../apply/product.js';
import { isThresholdRule, thresholdHolds } from '../ingest/rule-checks.js';
import type { FeedRow } from '../store/db/feed.js';
import { connect } from '../store/db/open.js';
import { fromRow, type ProductRow, publicState } from '../store/db/products.js';
import { readAroundDamage } from '../store/db/read-around-damage.js';
import { DAMAGED_TABLES, prepareKeyed, SalvageWrites } from '../store/db/salvage-tables.js';
import { IS_NEW } from '../store/db/schema.js';
import type { Store } from '../store/store.js';
import { readableCopy } from './readable-copy.js';
import { copyFeed, copyHistory, copyReadState, isSaneFeedRow, type SalvageResult } from './salvage-rows.js';

export type { SalvageResult } from './salvage-rows.js';

const EVERY = Number.MAX_SAFE_INTEGER;

/** What the journal's records (positions from `replayFrom` on) did to one product, newest first. */
type LaterEntries = { isNew: boolean; changes: FieldChange[] }[];

/** Where the replay starts: the journal's first record's feed position and the time it arrived. */
export interface ReplayStart {
  pos: number;
  at: number;
}

/** Copies into `store` what `file` holds from feed positions [fromPos, replayFrom.pos): call it before the replay. */
export function salvage(file: string, store: Store, fromPos: number, replayFrom: ReplayStart): SalvageResult {
  const result: SalvageResult = { products: 0, historyPoints: 0, feedEntries: 0, damagedStretches: 0 };
  let aside: Database.Database;
  let copy: ReturnType<typeof readableCopy> | null = null;
  try {
    copy = readableCopy(file);
    aside = connect(copy.file, { readonly: true, fileMustExist: true });
  } catch {
    copy?.done();
    return result; // not even its header reads
  }
  try {
    store.commit(() => {
      const later = laterEntries(aside, replayFrom, result);
      const { ids, changedLater } = copyProducts(aside, store, later, replayFrom, result);
      const writes = new SalvageWrites(store.db);
      const lost = { aside, store, writes, ids, fromPos, toPos: replayFrom.pos, result };
      copyHistory(lost);
      copyFeed(lost);
      copyRuleMemory(aside, store, ids, changedLater);
      copyReadState(aside, writes, result);
      trimFeed(store);
    });
    store.readState.forgetCounts();
    store.reindexWatches();
  } finally {
    aside.close();
    copy.done();
  }
  return result;
}

/**
 * Each product's feed entries from the journal's records on (the replay makes them again), or null when they do
 * not all read: which products those records changed is then not known.
 */
function laterEntries(aside: Database.Database, replayFrom: ReplayStart, result: SalvageResult) {
  const later = new Map<number, LaterEntries>();
  const table = prepareKeyed<FeedRow>(aside, DAMAGED_TABLES.feed, { keyOf: (row) => row.pos, sane: isSaneFeedRow });
  const damaged = table
    ? readAroundDamage(table, replayFrom.pos, EVERY, (row) => {
        const entries = later.get(row.product_id) ?? [];
        entries.unshift({ isNew: (row.flags & IS_NEW) !== 0, changes: JSON.parse(row.changes) as FieldChange[] });
        later.set(row.product_id, entries);
      })
    : 1;
  result.damagedStretches += damaged;
  return damaged === 0 ? later : null;
}

/** The state before these entries: each change undone, newest first. */
function before(state: ProductState, entries: LaterEntries): ProductState {
  const earlier = { ...state } as unknown as Record<string, unknown>;
  for (const entry of entries) {
    for (const change of entry.changes) {
      if (change.from === null) delete earlier[change.field];
      else earlier[change.field] = change.from;
    }
  }
  return earlier as unknown as ProductState;
}

/**
 * Adds each product as it was before the journal's records (one they first made, or changed in a way the damaged
 * file cannot tell, is left to the replay), keeping
 * the earlier first sighting of one the store has; returns the damaged file's product ids → the store's, and the
 * states of those the records changed again.
 */
function copyProducts(
  aside: Database.Database,
  store: Store,
  later: Map<number, LaterEntries> | null,
  replayFrom: ReplayStart,
  result: SalvageResult,
) {
  const ids = new Map<number, number>();
  const changedLater = new Map<number, ProductState>();
  const table = prepareKeyed<ProductRow>(aside, DAMAGED_TABLES.products, {
    keyOf: (row) => row.id,
    sane: isSaneProduct,
  });
  if (!table) return { ids, changedLater };
  result.damagedStretches += readAroundDamage(table, 0, EVERY, (row) => {
    // Changed since, in a way the damaged feed no longer tells: left to the replay (back, without its past).
    if (!later && row.updated_at >= replayFrom.at) return;
    const entries = later?.get(row.id) ?? [];
    if (entries.some((entry) => entry.isNew)) return;
    const stored = store.products.byKey(row.key);
    const then = before(publicState(fromRow(row)), entries);
    if (stored && Date.parse(stored.firstSeenAt) < Date.parse(then.firstSeenAt)) then.firstSeenAt = stored.firstSeenAt;
    let id: number;
    try {
      id = row.ghost ? (stored?.id ?? store.products.saveGhost(then)) : store.products.save(then, stored);
    } catch {
      return; // a row a damaged page garbled past the checks: it would not go in
    }
    ids.set(row.id, id);
    if (entries.length > 0) changedLater.set(id, then);
    if (!stored || stored.updatedAt !== then.updatedAt || stored.firstSeenAt !== then.firstSeenAt) result.products++;
  });
  return { ids, changedLater };
}

/**
 * What each watch rule remembered about the copied products. For a product the journal's records changed again,
 * a threshold rule's memory (whether it held at the last evaluation) is what it says of the state before them.
 */
function copyRuleMemory(
  aside: Database.Database,
  store: Store,
  ids: Map<number, number>,
  changedLater: Map<number, ProductState>,
): void {
  const table = prepareKeyed<{ watch_id: string; product_id: number; memory: string }>(
    aside,
    DAMAGED_TABLES.ruleMemory,
    {
      keyOf: (row) => row.product_id,
      sane: (row) => typeof row.watch_id === 'string' && isMemory(row.memory),
    },
  );
  if (!table) return;
  const watches = new Map(store.docs.watches.map((watch) => [watch.id, watch]));
  readAroundDamage(table, 0, EVERY, (row) => {
    const id = ids.get(row.product_id);
    if (id === undefined) return;
    let memory = JSON.parse(row.memory) as (boolean | null)[];
    const then = changedLater.get(id);
    const watch = watches.get(row.watch_id);
    if (then && watch) {
      memory = watch.rules.map((rule, i) =>
        isThresholdRule(rule) ? (thresholdHolds(rule, then) ?? memory[i] ?? null) : (memory[i] ?? null),
      );
    }
    store.ruleMemory.set(row.watch_id, id, memory);
  });
}

function isSaneProduct(row: ProductRow): boolean {
  const text = (value: unknown) => typeof value === 'string';
  return (
    text(row.catalog_id) &&
    text(row.item_id) &&
    row.key === productKey(row.catalog_id, row.item_id) &&
    text(row.stock) &&
    Number.isSafeInteger(row.first_seen_at) &&
    Number.isSafeInteger(row.updated_at) &&
    (row.removed === 0 || row.removed === 1) &&
    (row.ghost === 0 || row.ghost === 1)
  );
}

function isMemory(text: string): boolean {
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}
