// The store's recent days: the feed's postbacks, journaled and applied by the engine itself (applyRecords, as
// start-up replay does it), so the feed, alerts, rule memory, per-product counters and history are what the engine
// makes. The last few records are only journaled: start-up finds them unapplied, as after a crash.
import { applyRecords } from '../../main/engine/apply/index.js';
import type { JournalRecord } from '../../main/engine/journal/record.js';
import type { Store } from '../../main/engine/store/store.js';
import type { JournalSink } from './journal-sink.js';
import { pastPointsOf } from './past.js';
import { feedProduct, type SeedPlan } from './plan.js';
import { seedBody } from './product-state.js';

const RECORDS_PER_TRANSACTION = 2_000;

/** How many recent changes each product gets (the past leaves room for them in the product's history). */
export function countRecentChanges(plan: SeedPlan): Uint16Array {
  const counts = new Uint16Array(plan.products);
  for (let i = 0; i < plan.feedEntries + plan.unappliedTail; i++) {
    const n = feedProduct(plan, i);
    counts[n] = Math.min(65_535, (counts[n] ?? 0) + 1);
  }
  return counts;
}

/** Journals every recent postback and applies all but the tail; returns the last sequence number. */
export function writeRecent(
  store: Store,
  plan: SeedPlan,
  recentChanges: Uint16Array,
  journal: JournalSink,
  afterSeq: number,
): number {
  const total = plan.feedEntries + plan.unappliedTail;
  const msPerRecord = (plan.nowMs - plan.recentFromMs) / total;
  const seen = new Uint16Array(plan.products);
  let batch: JournalRecord[] = [];
  for (let i = 0; i < total; i++) {
    const n = feedProduct(plan, i);
    const k = pastPointsOf(plan, n, recentChanges) + (seen[n] ?? 0);
    seen[n] = (seen[n] ?? 0) + 1;
    const record = postbackRecord(seedBody(n, k), afterSeq + 1 + i, Math.round(plan.recentFromMs + i * msPerRecord));
    journal.append(record);
    if (i >= plan.feedEntries) continue;
    batch.push(record);
    if (batch.length >= RECORDS_PER_TRANSACTION || i === plan.feedEntries - 1) {
      applyRecords(store, batch);
      batch = [];
    }
  }
  return afterSeq + total;
}

function postbackRecord(body: string, seq: number, at: number): JournalRecord {
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    'user-agent': 'impact.com',
  };
  return {
    type: 'postback',
    raw: { method: 'POST', query: '', contentType: 'application/json', headers, body },
    seq,
    at,
  };
}
