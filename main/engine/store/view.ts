// The store's data plus the indexes that are cheap to rebuild and so are never written to disk.
import type { FeedPage, FeedQuery } from '../../../shared/api.js';
import type { FeedEntry, ProductState, Watch } from '../../../shared/model.js';
import { productKey } from '../../../shared/model.js';
import { findFeedIndex } from './feed-position.js';
import type { StoreData, StoredFeedEntry } from './state.js';

export const MAX_PAGE = 200;

export class StoreView {
  private watchesByKey = new Map<string, Watch[]>();
  private searchText = new Map<string, string>();
  unread = 0;

  constructor(readonly data: StoreData) {
    this.reindexWatches();
    for (const product of Object.values(data.products)) this.indexProduct(product);
    this.unread = data.feed.reduce((count, entry) => count + (entry.read ? 0 : 1), 0);
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

  indexProduct(product: ProductState): void {
    this.searchText.set(product.key, `${product.name ?? ''}\n${product.catalogItemId}`.toLowerCase());
  }

  joinProduct(entry: StoredFeedEntry): FeedEntry {
    const product = this.data.products[entry.key] as ProductState;
    return { ...entry, product };
  }

  /** Newest first; `before` is an entry id; `q` matches the product name or item id, case-insensitively. */
  queryFeed(query: FeedQuery): FeedPage {
    const feed = this.data.feed;
    const limit = Math.min(Math.max(query.limit ?? 50, 1), MAX_PAGE);
    const matches = this.matcher(query);
    let start = feed.length - 1;
    if (query.before) {
      const at = findFeedIndex(feed, query.before);
      start = at === -1 ? -1 : at - 1;
    }
    const items: FeedEntry[] = [];
    let index = start;
    for (; index >= 0 && items.length < limit; index--) {
      const entry = feed[index] as StoredFeedEntry;
      if (matches(entry)) items.push(this.joinProduct(entry));
    }
    // A full page with entries left to look at may have more; a short page means the scan reached the start.
    const last = items.at(-1);
    const next = items.length === limit && index >= 0 && last ? last.id : null;
    return { items, next, total: this.count(matches) };
  }

  private count(matches: (entry: StoredFeedEntry) => boolean): number {
    if (matches === everything) return this.data.feed.length;
    let total = 0;
    for (const entry of this.data.feed) if (matches(entry)) total++;
    return total;
  }

  private matcher(query: FeedQuery): (entry: StoredFeedEntry) => boolean {
    const needle = query.q?.trim().toLowerCase() ?? '';
    const filter = query.filter ?? 'all';
    if (!needle && filter === 'all') return everything;
    return (entry) => {
      if (filter === 'alerts' && entry.alerts.length === 0) return false;
      if (filter === 'watched' && !this.watchesByKey.has(entry.key)) return false;
      return !needle || (this.searchText.get(entry.key)?.includes(needle) ?? false);
    };
  }
}

const everything = (): boolean => true;
