// Stored data written before today's schemas may hold what the API now refuses. At start-up it is made valid once,
// with a notice, so nothing downstream (the receiver's host, trimming, alerts) meets a value it cannot handle.
import type { Notice } from '../../shared/contract/status.js';
import { repairSettings } from '../../shared/domain/settings-repair.js';
import type { Store } from './store/store.js';
import type { Logger } from './types.js';

/** Resets invalid settings to their defaults, field by field. Returns the notices to show. */
export function repairStoredSettings(store: Store, log: Logger): Notice[] {
  const { settings, repaired } = repairSettings(store.docs.settings);
  if (repaired.length === 0) return [];
  log.warn('settings: invalid stored values reset to their defaults', { fields: repaired });
  store.docs.settings = settings;
  store.documentsChanged();
  const message = `Some saved settings were not valid and were reset to their defaults: ${repaired.slice(0, 8).join(', ')}.`;
  return [{ code: 'settings-reset', message }];
}

/** A watch may hold a rule kind more than once (allowed before; it alerted once per copy): keep the first of each. */
export function mergeRepeatedRules(store: Store, log: Logger): Notice[] {
  let merged = 0;
  for (const watch of store.docs.watches) {
    const kinds = new Set<string>();
    const rules = watch.rules.filter((rule) => !kinds.has(rule.kind) && kinds.add(rule.kind));
    if (rules.length === watch.rules.length) continue;
    log.warn('watches: repeated rules merged', { watchId: watch.id, before: watch.rules.length, after: rules.length });
    watch.rules = rules;
    store.commit(() => store.ruleMemory.forgetWatch(watch.id)); // rule positions changed: evaluate afresh
    merged++;
  }
  if (merged === 0) return [];
  store.documentsChanged();
  const watches = merged === 1 ? 'A watch' : `${merged} watches`;
  return [{ code: 'rules-merged', message: `${watches} had the same rule more than once; the repeats were removed.` }];
}
