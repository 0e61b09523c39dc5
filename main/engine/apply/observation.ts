// Applies what impact.com's Partner API said of an item during a catch-up check, through the same path as a
// postback: the fields are read like a postback body, then diffed and evaluated by the watch rules. A change found
// this way makes the same feed entry and alerts, marked "found on check" (source 'api'); nothing new makes nothing.
import type { Observation } from '../../../shared/contract/journal.js';
import { normalize } from '../ingest/index.js';
import type { Store } from '../store/store.js';
import { type ApplyEffects, noEffects } from './effects.js';
import { applyProductSnapshot } from './product.js';

export function applyObservation(store: Store, observation: Observation, seq: number, at: string): ApplyEffects {
  const effects = noEffects();
  const result = normalize({ ...observation.fields, Operation: observation.operation }, {});
  if (result.kind !== 'snapshot') return effects; // impact.com answered without the ids: nothing to apply
  const snapshot = observation.apiId ? { ...result.snapshot, apiId: observation.apiId } : result.snapshot;
  const entry = applyProductSnapshot(store, snapshot, { seq, at, index: 0, source: 'api' });
  if (entry) effects.entries.push(entry);
  return effects;
}
