// Applies journal records to the store, in order. Pure with respect to the clock: times come from the records, so
// replaying the journal gives the same store.
//
// The database and the documents each know the last record they reflect. Normally they move together; after a
// crash one may be behind, and replay gives each only the records it has not seen. A run of postbacks is one
// database transaction; a command is a transaction of its own, its documents part applied once that committed.
import { queueAlertMessages } from '../channels/queue-alerts.js';
import type { JournalRecord } from '../journal/record.js';
import type { Store } from '../store/store.js';
import { applyCommand } from './commands.js';
import { type ApplyEffects, noEffects } from './effects.js';
import { applyObservation } from './observation.js';
import { applyPostback } from './postback.js';

export type { ApplyEffects } from './effects.js';

/**
 * Applies records that belong in one transaction (postbacks only, or one command). Throws when the database
 * cannot commit; then nothing of them is applied and the caller retries later.
 */
export function applyRecords(store: Store, records: readonly JournalRecord[]): ApplyEffects[] {
  const effects = store.commit(() => records.map((record) => applyToDatabase(store, record)));
  for (const [index, record] of records.entries()) applyToDocuments(store, record, effects[index] as ApplyEffects);
  return effects;
}

/** One record, for callers that apply records one at a time (replay, tests). */
export function applyRecord(store: Store, record: JournalRecord): ApplyEffects {
  return applyRecords(store, [record])[0] as ApplyEffects;
}

function applyToDatabase(store: Store, record: JournalRecord): ApplyEffects {
  if (record.seq <= store.appliedSeq) return noEffects();
  const at = new Date(record.at).toISOString();
  const effects =
    record.type === 'postback'
      ? applyPostback(store, record.raw, record.seq, at)
      : record.type === 'observation'
        ? applyObservation(store, record.observation, record.seq, at)
        : applyCommand(store, record.command, record.seq, { data: true, documents: false });
  queueAlertMessages(store, effects.entries); // in this transaction: an alert and its channel messages go together
  store.counters.applied(record.seq);
  return effects;
}

function applyToDocuments(store: Store, record: JournalRecord, effects: ApplyEffects): void {
  if (record.seq <= store.docs.appliedSeq) return;
  if (record.type === 'command') {
    const more = applyCommand(store, record.command, record.seq, { data: false, documents: true });
    effects.watchesChanged ||= more.watchesChanged;
    effects.statusChanged ||= more.statusChanged;
  }
  store.docs.appliedSeq = record.seq;
}

/** A record today's schema refuses counts as dealt with: skipped once, it is not read again after a restart. */
export function skipRecord(store: Store, seq: number): void {
  if (seq > store.appliedSeq) {
    store.commit(() => {
      store.counters.applied(seq);
    });
  }
  if (seq > store.docs.appliedSeq) store.docs.appliedSeq = seq;
}
