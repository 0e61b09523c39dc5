// Re-processing the quarantine after a mapping change: each entry is normalized again with today's mapping.
import { readPostback } from '../ingest/index.js';
import type { StoreView } from '../store/view.js';
import { type ApplyEffects, noEffects } from './effects.js';
import { applyProductSnapshot } from './product.js';

export function applyPostbackAgain(view: StoreView, seq: number, at: string): ApplyEffects {
  const data = view.data;
  const effects = { ...noEffects(), statusChanged: true };
  const stillUnusable = [];
  let index = 0;
  for (const item of data.quarantine) {
    const { result } = readPostback(item.raw, data.settings.mapping);
    if (result.kind === 'snapshot') {
      const entry = applyProductSnapshot(view, result.snapshot, { seq, at, index: index++ });
      if (entry) effects.entries.push(entry);
    } else if (result.kind === 'test') {
      data.stats.testPostbackAt = item.at;
    } else {
      stillUnusable.push(item);
    }
  }
  data.quarantine = stillUnusable;
  data.stats.quarantined = stillUnusable.length;
  return effects;
}
