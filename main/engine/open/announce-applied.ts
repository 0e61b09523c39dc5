// What follows once records are applied: the server face logs each postback, the reconciler counts the catalog's
// changes, the faces get the new feed entries (and those that alert), alert channels send, the status updates.
import type { ApplyEffects } from '../apply/index.js';
import type { LiveEvents } from '../live-events.js';
import { withLinkedPages } from '../pages/linked-pages.js';
import type { StatusBoard } from '../status-board.js';
import type { Store } from '../store/store.js';
import type { EngineOptions } from '../types.js';
import type { Features } from './features.js';

export interface AnnounceParts {
  options: Pick<EngineOptions, 'onPostback'>;
  store: Store;
  features: Pick<Features, 'impact' | 'channels'>;
  live: LiveEvents;
  board: StatusBoard;
}

export function announceApplied({ options, store, features, live, board }: AnnounceParts) {
  return (effectsList: ApplyEffects[]): void => {
    if (options.onPostback) for (const { postback } of effectsList) if (postback) options.onPostback(postback);
    const entries = withLinkedPages(
      store.pageIndex,
      effectsList.flatMap((effects) => effects.entries),
    );
    features.impact.reconciler.countChanged(entries.filter((entry) => entry.source === 'api').length);
    if (entries.length > 0) live.emit({ type: 'feed', entries });
    const alerting = entries.filter((entry) => entry.alerts.length > 0);
    if (alerting.length > 0) live.emit({ type: 'alert', entries: alerting });
    if (alerting.length > 0) features.channels.sender.wake(); // their messages are in the outbox now
    board.changed();
  };
}
