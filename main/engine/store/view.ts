// The store's data plus the indexes that are cheap to rebuild and so are never written to disk.
import type { FeedPage, FeedQuery } from '../../../shared/api.js';
import type { FeedEntry, ProductState, Watch } from '../../../shared/model.js';
import { productKey } from '../../../shared/model.js';
import type { StoreData, StoredFeedEntry } from './state.js';

export const MAX_PAGE = 200;

export class StoreView {
  private watchesByKey = new Map<string, Watch[]>();
  /** lower-cased "name \n item id" per feed key id, filled in on the first search and kept current after */
  private searchText: (string | undefined)[] = [];
  unread = 0;

  constructor(readonly data: StoreData) {
    this.reindexWatches();
    this.unread = data.feed.countUnread();
  }

  reindexWatches(): void {
    this.watchesByKey.clear();
    for (const watch of this.data.watches) {
      const key = productKey(watch.target.catalogId, watch.target.catalogItemId);
      this.watchesByKey.set(key, [...(this.watchesByKey.get(key) ?? []), watch]);
    }
  }

  watchesFor(key: string): Watch[] {
    return this.watchesByKey.get(key) ?? [];
  }

  /** A product was added or changed: forget its search text (a new product has no key id yet; both fill in lazily). */
  indexProduct(product: ProductState): void {
    const keyId = this.data.feed.keyIdOf(product.key);
    if (keyId !== undefined) this.searchText[keyId] = undefined;
  }

  joinProduct(entry: StoredFeedEntry): FeedEntry {
    const product = this.data.products[entry.key] as ProductState;
    return { ...entry, product };
  }

  /**
   * Newest first; `before` is an entry id; `q` matches the product name or item id, case-insensitively.
   * Filters are resolved to the set of product keys first, so scanning entries is an array lookup each, and the
   * total comes from per-key counts instead of a second scan.
   */
  queryFeed(query: FeedQuery): FeedPage {
    const feed = this.data.feed;
    const limit = Math.min(Math.max(query.limit ?? 50, 1), MAX_PAGE);
    const alertsOnly = query.filter === 'alerts';
    const allowed = this.allowedKeys(query);
    let index = feed.length - 1;
    if (query.before) {
      const at = feed.indexOf(query.before);
      index = at === -1 ? -1 : at - 1;
    }
    const items: FeedEntry[] = [];
    for (; index >= 0 && items.length < limit; index--) {
      if (alertsOnly && !feed.hasAlerts(index)) continue;
      if (allowed && allowed[feed.keyIdAt(index)] !== 1) continue;
      items.push(this.joinProduct(feed.entry(index)));
    }
    // A full page with entries left to look at may have more; a short page means the scan reached the start.
    const last = items.at(-1);
    const next = items.length === limit && index >= 0 && last ? last.id : null;
    return { items, next, total: this.total(allowed, alertsOnly) };
  }

  private total(allowed: Uint8Array | null, alertsOnly: boolean): number {
    const feed = this.data.feed;
    if (!allowed) return alertsOnly ? feed.alertTotal : feed.length;
    let total = 0;
    for (let keyId = 0; keyId < allowed.length; keyId++)
      if (allowed[keyId] === 1) total += feed.entriesFor(keyId, alertsOnly);
    return total;
  }

  /** A mask over the feed's key ids (1 = allowed), or null when every key is. */
  private allowedKeys(query: FeedQuery): Uint8Array | null {
    const needle = query.q?.trim().toLowerCase() ?? '';
    const watchedOnly = query.filter === 'watched';
    if (!needle && !watchedOnly) return null;
    const feed = this.data.feed;
    const keys = feed.keyTable;
    const allowed = new Uint8Array(keys.length);
    if (watchedOnly && !needle) {
      for (const key of this.watchesByKey.keys()) {
        const keyId = feed.keyIdOf(key);
        if (keyId !== undefined) allowed[keyId] = 1;
      }
      return allowed;
    }
    const texts = this.searchText;
    for (let keyId = 0; keyId < keys.length; keyId++) {
      if (watchedOnly && !this.watchesByKey.has(keys[keyId] as string)) continue;
      const text = texts[keyId] ?? this.searchTextOf(keyId);
      if (text.includes(needle)) allowed[keyId] = 1;
    }
    return allowed;
  }

  private searchTextOf(keyId: number): string {
    const product = this.data.products[this.data.feed.keyTable[keyId] as string];
    const text = product ? textOf(product) : '';
    this.searchText[keyId] = text;
    return text;
  }
}

function textOf(product: ProductState): string {
  return `${product.name ?? ''}\n${product.catalogItemId}`.toLowerCase();
}
