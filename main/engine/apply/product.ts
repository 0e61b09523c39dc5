// Applies one normalized snapshot: diff against the stored state, history, watch rules, feed entry.
import type { Alert, ProductSnapshot } from '../../../shared/model.js';
import { applySnapshot, evaluateWatch, historyPoint, shouldRecordHistory } from '../ingest/index.js';
import type { StoredFeedEntry } from '../store/state.js';
import type { StoreView } from '../store/view.js';

export interface Origin {
  seq: number;
  /** ISO time the postback was received */
  at: string;
  /** position among the entries this journal record makes */
  index: number;
}

/** Returns the new feed entry, or null when the postback changed nothing (a duplicate or a no-op update). */
export function applyProductSnapshot(
  view: StoreView,
  snapshot: ProductSnapshot,
  origin: Origin,
): StoredFeedEntry | null {
  const data = view.data;
  const prev = data.products[`${snapshot.catalogId}:${snapshot.catalogItemId}`];
  const { next, changes, firstSeen } = applySnapshot(prev, snapshot, origin.at);
  if (!firstSeen && changes.length === 0) return null;
  data.products[next.key] = next;
  view.indexProduct(next);
  if (firstSeen || shouldRecordHistory(changes)) recordHistory(view, next.key, historyPoint(next));

  const alerts: Alert[] = [];
  for (const watch of view.watchesFor(next.key)) {
    const result = evaluateWatch(watch, prev, next, changes, data.ruleMemory[watch.id]);
    data.ruleMemory[watch.id] = result.memory;
    alerts.push(...result.alerts);
  }
  const entry: StoredFeedEntry = {
    id: origin.index === 0 ? String(origin.seq) : `${origin.seq}.${origin.index}`,
    at: origin.at,
    seq: origin.seq,
    key: next.key,
    operation: snapshot.operation,
    isNew: firstSeen,
    source: 'postback',
    changes,
    alerts,
    read: false,
  };
  data.feed.append(entry);
  view.unread++;
  trimFeed(view);
  return entry;
}

function recordHistory(view: StoreView, key: string, point: ReturnType<typeof historyPoint>): void {
  const history = view.data.history[key] ?? [];
  history.push(point);
  const limit = view.data.settings.retention.historyPerProduct;
  if (history.length > limit) history.splice(0, history.length - limit);
  view.data.history[key] = history;
}

/** Drops the oldest entries past the retention; in chunks, so a full feed does not shift the array every time. */
export function trimFeed(view: StoreView): void {
  const feed = view.data.feed;
  const limit = view.data.settings.retention.feedEntries;
  const slack = Math.max(1, Math.floor(limit / 100));
  if (feed.length <= limit + slack) return;
  view.unread -= feed.dropOldest(feed.length - limit);
}
