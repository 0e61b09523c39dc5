// Applies one acknowledged postback: parse → normalize → product change, test postback, or quarantine.
import type { RawRequest } from '../../../shared/model.js';
import { readPostback } from '../ingest/index.js';
import type { StoreView } from '../store/view.js';
import { type ApplyEffects, noEffects } from './effects.js';
import { applyProductSnapshot, type Origin } from './product.js';

const QUARANTINE_LIMIT = 1000;

export function applyPostback(view: StoreView, raw: RawRequest, origin: Origin & { atMs: number }): ApplyEffects {
  const { stats } = view.data;
  stats.received++;
  stats.lastPostbackAt = origin.at;
  const effects = { ...noEffects(), statusChanged: true };
  const { result } = readPostback(raw, view.data.settings.mapping);
  if (result.kind === 'test') {
    stats.testPostbackAt = origin.at;
  } else if (result.kind === 'unusable') {
    quarantine(view, raw, origin, result.reason);
  } else {
    // State follows the last postback: a delivery is a repeat exactly when it changes nothing (impact.com's
    // retries carry no event id, and a byte-identical body minutes later can be a real flip back).
    const entry = applyProductSnapshot(view, result.snapshot, origin);
    if (entry) effects.entries.push(entry);
    else stats.duplicates++;
  }
  return effects;
}

function quarantine(view: StoreView, raw: RawRequest, origin: Origin, reason: string): void {
  const list = view.data.quarantine;
  list.push({ id: String(origin.seq), seq: origin.seq, at: origin.at, reason, raw });
  if (list.length > QUARANTINE_LIMIT) list.splice(0, list.length - QUARANTINE_LIMIT);
  view.data.stats.quarantined = list.length;
}
