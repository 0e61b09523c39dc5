import type { FeedEntry } from '../../../shared/contract/feed.js';

/** What became of one postback, for the server's log line. */
export interface PostbackOutcome {
  method: string;
  /** a change (its feed entry), a delivery that changed nothing, impact.com's test, or one kept for attention */
  kind: 'change' | 'repeat' | 'test' | 'quarantined';
  entry?: FeedEntry;
  /** catalog:item, when it could be read */
  key?: string;
  /** why a quarantined one could not be used, or which values of an applied one could not be read */
  reason?: string;
}

/** What applying journal records changed, for the live events. */
export interface ApplyEffects {
  /** new feed entries with their products, as every device first sees them (unread) */
  entries: FeedEntry[];
  statusChanged: boolean;
  watchesChanged: boolean;
  /** set when the record was a postback */
  postback?: PostbackOutcome;
}

export function noEffects(): ApplyEffects {
  return { entries: [], statusChanged: false, watchesChanged: false };
}
