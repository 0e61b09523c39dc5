// Applies one normalized snapshot: diff against the stored state, history, watch rules, feed entry.
import type { FeedSource } from '../../../shared/contract/enums.js';
import type { Alert, FeedEntry } from '../../../shared/contract/feed.js';
import type { ProductSnapshot, ProductState } from '../../../shared/contract/product.js';
import { productKey } from '../../../shared/domain/watch-target.js';
import { applySnapshot, evaluateWatch, historyPoint, shouldRecordHistory } from '../ingest/index.js';
import { publicState } from '../store/db/products.js';
import { feedPos } from '../store/db/schema.js';
import type { StoredFeedEntry } from '../store/feed-entry.js';
import type { Store } from '../store/store.js';

export interface Origin {
  seq: number;
  /** ISO time the record was received */
  at: string;
  /** position among the entries this journal record makes */
  index: number;
  source: FeedSource;
  /** the operation word the postback carried when it was none of Insert, Update, Delete */
  unknownOperation?: string;
}

/** Returns the new feed entry, or null when the snapshot changed nothing (a repeat). */
export function applyProductSnapshot(store: Store, snapshot: ProductSnapshot, origin: Origin): FeedEntry | null {
  const key = productKey(snapshot.catalogId, snapshot.catalogItemId);
  const stored = store.products.byKey(key);
  const prev = stored && !stored.ghost ? publicState(stored) : undefined;
  if (!prev && snapshot.operation === 'Delete') return recordUnknownRemoval(store, snapshot, origin, stored?.id);
  const { next, changes, filledIn = [], firstSeen } = applySnapshot(prev, snapshot, origin.at);
  const moved = new Set([...changes, ...filledIn].map((change) => change.field));
  if (!firstSeen && changes.length === 0) {
    // Nothing new; but what was filled in is kept, and impact.com's item id, learned on a check, saves a request.
    if (stored && (filledIn.length > 0 || next.apiId !== stored.apiId)) store.products.save(next, stored);
    if (stored) productSaved(store, stored.id, next, moved, false);
    return null;
  }
  const id = store.products.save(next, stored);
  productSaved(store, id, next, moved, firstSeen);
  const pos = feedPos(origin.seq, origin.index);
  if (firstSeen || shouldRecordHistory(changes)) {
    const history = { id, historyCount: stored?.historyCount ?? 0 };
    store.products.appendHistory(history, pos, historyPoint(next), store.settings.retention.historyPerProduct);
  }
  const alerts: Alert[] = [];
  for (const watch of store.watchesFor(next)) {
    const linked = 'linkedFromPages' in watch.target; // the store returns a pages watch only for a linked product
    const result = evaluateWatch(watch, prev, next, changes, store.ruleMemory.get(watch.id, id), linked);
    store.ruleMemory.set(watch.id, id, result.memory);
    alerts.push(...result.alerts);
  }
  return appendEntry(store, id, store.named(next), {
    ...entryBase(origin, snapshot.operation),
    isNew: firstSeen,
    changes,
    alerts,
  });
}

/**
 * What follows a product's name, program and link: the search, the watched set (a brand watch covers the product
 * from the first time its program id is known, even when that id was filled in quietly), the pages' matcher keys.
 */
function productSaved(store: Store, id: number, next: ProductState, moved: Set<string>, firstSeen: boolean): void {
  // firstSeen: an item whose removal alone was known (a ghost) is in the feed already, without a name
  if (firstSeen || moved.has('name')) store.products.renamed(id, next);
  if (firstSeen || moved.has('campaignId')) store.watched.productCoverageMayChange({ ...next, id });
  if (firstSeen || moved.has('campaignId') || moved.has('url')) store.pageIndex.productChanged(id, next);
}

/**
 * A Delete for an item never seen before: the feed records it, but it creates no product to list, search or watch
 * (a row marked as a ghost keeps the feed's join; the item's first real postback turns it into a product).
 */
function recordUnknownRemoval(
  store: Store,
  snapshot: ProductSnapshot,
  origin: Origin,
  ghostId: number | undefined,
): FeedEntry | null {
  if (ghostId !== undefined) return null; // its removal is already recorded
  const state: ProductState = {
    key: productKey(snapshot.catalogId, snapshot.catalogItemId),
    catalogId: snapshot.catalogId,
    catalogItemId: snapshot.catalogItemId,
    stockAvailability: 'Unknown',
    removed: true,
    firstSeenAt: origin.at,
    updatedAt: origin.at,
  };
  const id = store.products.saveGhost(state);
  return appendEntry(store, id, state, { ...entryBase(origin, 'Delete'), isNew: false, changes: [], alerts: [] });
}

function entryBase(origin: Origin, operation: ProductSnapshot['operation']) {
  const base = {
    id: origin.index === 0 ? String(origin.seq) : `${origin.seq}.${origin.index}`,
    at: origin.at,
    seq: origin.seq,
    operation,
    source: origin.source,
    read: false,
  };
  return origin.unknownOperation === undefined ? base : { ...base, unknownOperation: origin.unknownOperation };
}

function appendEntry(
  store: Store,
  productId: number,
  product: ProductState,
  fields: Omit<StoredFeedEntry, 'key'>,
): FeedEntry {
  const entry: StoredFeedEntry = { ...fields, key: product.key };
  store.feed.append(entry, productId);
  store.readState.appended();
  trimFeed(store);
  return { ...entry, product };
}

/**
 * Drops the oldest entries past the retention, a few dozen at a time (at most 1 % over): each dropped entry costs a
 * product counter update, and 2,000 of them at once held a busy apply slice up for tens of milliseconds.
 */
const TRIM_CHUNK = 64;

export function trimFeed(store: Store, feedEntries = store.settings.retention.feedEntries): void {
  const slack = Math.min(TRIM_CHUNK, Math.max(1, Math.floor(feedEntries / 100)));
  if (store.feed.entries <= feedEntries + slack) return;
  const dropped = store.feed.trim(feedEntries);
  const through = dropped.at(-1);
  if (through === undefined) return;
  store.readState.trimmed(dropped);
  store.counters.feedTrimmed(through);
}
