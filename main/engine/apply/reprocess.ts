// Re-processing the quarantine after a mapping change: each entry is normalized again with today's mapping.
import { readPostback } from '../ingest/index.js';
import { ENTRIES_PER_RECORD } from '../store/db/schema.js';
import type { Store } from '../store/store.js';
import { type ApplyEffects, noEffects } from './effects.js';
import { applyProductSnapshot } from './product.js';

export function applyPostbackAgain(store: Store, seq: number, at: string): ApplyEffects {
  const effects = { ...noEffects(), statusChanged: true };
  let index = 0;
  for (const item of store.quarantine.list()) {
    if (index >= ENTRIES_PER_RECORD) break; // the rest waits for the next re-process
    const { result } = readPostback(item.raw, store.settings.mapping);
    if (result.kind === 'snapshot') {
      const { snapshot } = result;
      const source = 'postback' as const;
      const origin = { seq, at, index: index++, source, unknownOperation: snapshot.unknownOperation };
      const entry = applyProductSnapshot(store, snapshot, origin);
      if (entry) effects.entries.push(entry);
      store.quarantine.remove(item.seq);
    } else if (result.kind === 'test') {
      store.stats.testPostbackAt = item.at;
      store.quarantine.remove(item.seq);
    }
  }
  store.stats.quarantined = store.quarantine.count();
  return effects;
}
