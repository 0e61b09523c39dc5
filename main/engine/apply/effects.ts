import type { StoredFeedEntry } from '../store/state.js';

/** What applying one journal record changed, for the live events. */
export interface ApplyEffects {
  entries: StoredFeedEntry[];
  statusChanged: boolean;
  watchesChanged: boolean;
}

export function noEffects(): ApplyEffects {
  return { entries: [], statusChanged: false, watchesChanged: false };
}
