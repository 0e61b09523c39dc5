// Re-processing the quarantine after a mapping change: each entry is normalized again with today's mapping.
// A re-processed entry keeps the time it arrived: the feed says when the brand sent it, not when it was re-read.
import type { QuarantineEntry } from '../../../shared/contract/quarantine.js';
import { readPostback } from '../ingest/index.js';
import { ENTRIES_PER_RECORD } from '../store/db/schema.js';
import type { Store } from '../store/store.js';
import { type ApplyEffects, noEffects } from './effects.js';
import { applyProductSnapshot } from './product.js';

export function applyPostbackAgain(store: Store, seq: number): ApplyEffects {
  const effects = { ...noEffects(), statusChanged: true };
  let index = 0;
  for (const item of store.quarantine.list()) {
    if (index >= ENTRIES_PER_RECORD) break; // the rest waits for the next re-process
    const { result } = readPostback(item.raw, store.settings.mapping);
    if (item.applied) {
      if (result.kind === 'snapshot') readAgain(store, item, result.problems);
    } else if (result.kind === 'snapshot') {
      const { snapshot } = result;
      const source = 'postback' as const;
      const origin = { seq, at: item.at, index: index++, source, unknownOperation: snapshot.unknownOperation };
      const entry = applyProductSnapshot(store, snapshot, origin);
      if (entry) effects.entries.push(entry);
      store.quarantine.remove(item.seq);
    } else if (result.kind === 'test') {
      store.counters.testPostbackReceived(item.at);
      store.quarantine.remove(item.seq);
    }
  }
  store.counters.quarantined(store.quarantine.count());
  return effects;
}

/**
 * An entry whose readable fields were applied when it arrived is not applied again (newer postbacks may have
 * changed the item since); it leaves once today's mapping reads every value it sent.
 */
function readAgain(store: Store, item: QuarantineEntry, problems: string[] | undefined): void {
  if (problems === undefined) store.quarantine.remove(item.seq);
  else store.quarantine.add({ ...item, reason: problems.join('; ') });
}
