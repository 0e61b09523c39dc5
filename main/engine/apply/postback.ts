// Applies one acknowledged postback: parse → normalize → product change, test postback, or quarantine.
import type { RawRequest } from '../../../shared/contract/quarantine.js';
import { readPostback } from '../ingest/index.js';
import type { Store } from '../store/store.js';
import { type ApplyEffects, noEffects } from './effects.js';
import { applyProductSnapshot } from './product.js';

export function applyPostback(store: Store, raw: RawRequest, seq: number, at: string): ApplyEffects {
  const { counters } = store;
  counters.postbackReceived(at);
  const effects = { ...noEffects(), statusChanged: true };
  const { result } = readPostback(raw, store.settings.mapping);
  if (result.kind === 'test') {
    counters.testPostbackReceived(at);
    effects.postback = { method: raw.method, kind: 'test' };
  } else if (result.kind === 'unusable') {
    counters.quarantined(store.quarantine.add({ id: String(seq), seq, at, reason: result.reason, raw }));
    effects.postback = { method: raw.method, kind: 'quarantined', reason: result.reason };
  } else {
    // State follows the last postback: a delivery is a repeat exactly when it changes nothing (impact.com's
    // retries carry no event id, and a byte-identical body minutes later can be a real flip back).
    const { snapshot, problems } = result;
    const origin = { seq, at, index: 0, source: 'postback' as const, unknownOperation: snapshot.unknownOperation };
    const entry = applyProductSnapshot(store, snapshot, origin);
    if (entry) effects.entries.push(entry);
    else counters.duplicateReceived();
    // The readable fields are applied; what could not be read is kept for the user, never dropped unseen.
    const reason = problems?.join('; ');
    if (reason) counters.quarantined(store.quarantine.add({ id: String(seq), seq, at, reason, raw, applied: true }));
    const unread = reason ? { reason } : {};
    effects.postback = entry
      ? { method: raw.method, kind: 'change', entry, key: entry.key, ...unread }
      : { method: raw.method, kind: 'repeat', key: `${snapshot.catalogId}:${snapshot.catalogItemId}`, ...unread };
  }
  return effects;
}
