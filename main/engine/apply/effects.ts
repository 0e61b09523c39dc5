import type { FeedEntry } from '../../../shared/contract/feed.js';

/** What applying journal records changed, for the live events. */
export interface ApplyEffects {
  /** new feed entries with their products, as every device first sees them (unread) */
  entries: FeedEntry[];
  statusChanged: boolean;
  watchesChanged: boolean;
}

export function noEffects(): ApplyEffects {
  return { entries: [], statusChanged: false, watchesChanged: false };
}
