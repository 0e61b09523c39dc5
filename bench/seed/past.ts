// The store's past, written in bulk with the engine's own table code: every product's state and its older history
// points, in large transactions, one chunk of products in memory at a time (the search index holds only products
// the recent feed mentions: recent.ts adds them). Each point has the sequence number (and so the feed position) of
// the postback that made it; those postbacks are older than the journal keeps, as in a store that has run for months.

import { feedPos } from '../../main/engine/store/db/schema.js';
import type { Store } from '../../main/engine/store/store.js';
import type { HistoryPoint } from '../../shared/contract/product.js';
import { basePrice } from '../postback-body.js';
import { historyOf, type SeedPlan, seedPrice } from './plan.js';
import { seedState } from './product-state.js';

const PRODUCTS_PER_TRANSACTION = 20_000;

/** Points product n had before the recent days (at least its first sighting). */
export function pastPointsOf(plan: SeedPlan, n: number, recentChanges: Uint16Array): number {
  return Math.max(1, historyOf(plan, n) - (recentChanges[n] ?? 0));
}

/** Writes products 0…N-1 with their past; returns the last sequence number used. */
export function writePast(store: Store, plan: SeedPlan, recentChanges: Uint16Array, afterSeq: number): number {
  let totalPoints = 0;
  for (let n = 0; n < plan.products; n++) totalPoints += pastPointsOf(plan, n, recentChanges);
  const msPerSeq = (plan.recentFromMs - plan.pastFromMs) / totalPoints;
  const timeOf = (seq: number) => new Date(plan.pastFromMs + (seq - afterSeq) * msPerSeq).toISOString();
  let seq = afterSeq;
  for (let from = 0; from < plan.products; from += PRODUCTS_PER_TRANSACTION) {
    const to = Math.min(plan.products, from + PRODUCTS_PER_TRANSACTION);
    store.commit(() => {
      for (let n = from; n < to; n++) seq = writeProduct(store, n, pastPointsOf(plan, n, recentChanges), seq, timeOf);
      store.counters.applied(seq);
      store.docs.appliedSeq = seq;
      store.counters.carriedOver({ ...store.stats, received: seq - afterSeq, lastPostbackAt: timeOf(seq) });
    });
  }
  return seq;
}

function writeProduct(
  store: Store,
  n: number,
  points: number,
  afterSeq: number,
  timeOf: (seq: number) => string,
): number {
  const base = basePrice(n);
  const firstSeenAt = timeOf(afterSeq + 1);
  const last = seedState(n, points - 1, timeOf(afterSeq + points), firstSeenAt);
  const history: HistoryPoint[] = [];
  const positions: number[] = [];
  for (let k = 0; k < points; k++) {
    const seq = afterSeq + 1 + k;
    history.push({
      at: timeOf(seq),
      stockAvailability: last.stockAvailability,
      currentPrice: seedPrice(base, k),
      currency: last.currency as string,
      inventory: last.inventory as number,
    });
    positions.push(feedPos(seq, 0));
  }
  const id = store.products.save(last, undefined);
  store.products.importHistory(id, history, positions);
  return afterSeq + points;
}
