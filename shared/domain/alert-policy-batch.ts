// The products a batch of alerts is about (one digest window, or what waits out quiet hours), each with what its
// alerts add up to: an item that flips six times inside the window is one line, "flapped 6 times, now in stock",
// while the feed still records every change. Memory is bounded by the number of products.
import type { FeedEntry } from '../contract/feed.js';
import { digestText, type NotificationText, netText, type ProductAlerts, singleText } from './alert-policy-text.js';

const MAX_MESSAGES_PER_PRODUCT = 10;

export class ProductBatch {
  private readonly byKey = new Map<string, ProductAlerts>();

  get size(): number {
    return this.byKey.size;
  }

  add(entry: FeedEntry): void {
    this.merge({
      latest: entry,
      messages: new Set(entry.alerts.map((alert) => alert.message)),
      changes: 1,
      was: new Map(entry.changes.map((change) => [change.field, change.from])),
    });
  }

  moveInto(other: ProductBatch): void {
    for (const alerts of this.byKey.values()) other.merge(alerts);
    this.byKey.clear();
  }

  text(prefix: string): NotificationText | null {
    const products = [...this.byKey.values()];
    const [only] = products;
    if (!only) return null;
    if (products.length > 1) {
      return digestText(
        products.map((product) => product.latest),
        prefix,
      );
    }
    return only.changes > 1 ? netText(only, prefix) : singleText(only.latest, only.messages, prefix);
  }

  clear(): void {
    this.byKey.clear();
  }

  /** `newer` happened after what the batch holds for its product. */
  private merge(newer: ProductAlerts): void {
    const key = newer.latest.key;
    const known = this.byKey.get(key);
    const messages = known?.messages ?? new Set<string>();
    for (const message of newer.messages) if (messages.size < MAX_MESSAGES_PER_PRODUCT) messages.add(message);
    const was = known?.was ?? new Map();
    for (const [field, from] of newer.was) if (!was.has(field)) was.set(field, from);
    this.byKey.delete(key); // re-insert so iteration order is "most recently changed last"
    this.byKey.set(key, { latest: newer.latest, messages, changes: (known?.changes ?? 0) + newer.changes, was });
  }
}
