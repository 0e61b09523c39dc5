// The outbox's writing side: called while applying journal records, inside the transaction that makes their feed
// entries, so an alert and the messages it causes are stored together or not at all (a crash between the two would
// otherwise lose a message or send one for an alert that was never stored).

import type { ChannelFilter } from '../../../shared/contract/channel.js';
import type { Alert, FeedEntry } from '../../../shared/contract/feed.js';
import type { ProductState } from '../../../shared/contract/product.js';
import { withLinkedPages } from '../pages/linked-pages.js';
import type { Store } from '../store/store.js';
import { type AlertItem, alertItem } from './message/alert-item.js';

/** Whether a channel's filter lets an alert through: each list given must contain the alert's value. */
export function channelWants(filter: ChannelFilter, alert: Alert, product: ProductState): boolean {
  const allows = (list: readonly string[] | undefined, value: string | undefined) =>
    list === undefined || list.length === 0 || (value !== undefined && list.includes(value));
  return (
    allows(filter.watchIds, alert.watchId) &&
    allows(filter.kinds, alert.kind) &&
    allows(filter.campaignIds, product.campaignId)
  );
}

/** The message id an alert starts: the same whenever the journal record is applied (webhook-id, Message-ID). */
export function messageIdFor(entryId: string, alertIndex: number, channelId: string): string {
  return `msg_${entryId}_${alertIndex}_${channelId}`;
}

export function queueAlertMessages(store: Store, entries: readonly FeedEntry[]): void {
  const channels = store.channels.list().filter((channel) => channel.enabled);
  if (channels.length === 0) return;
  // A message names the partner's pages that link to the product, as the notification does ("on 2 of your pages").
  for (const entry of withLinkedPages(
    store.pageIndex,
    entries.filter((candidate) => candidate.alerts.length > 0),
  )) {
    entry.alerts.forEach((alert, index) => {
      let item: AlertItem | undefined;
      for (const channel of channels) {
        if (!channelWants(channel.filter, alert, entry.product)) continue;
        item ??= alertItem(
          entry,
          alert,
          store.docs.watches.find((watch) => watch.id === alert.watchId),
        );
        const messageId = messageIdFor(entry.id, index, channel.id);
        store.outbox.add(channel.id, channel.digestSeconds * 1000, item, messageId, Date.parse(entry.at));
      }
    });
  }
}
