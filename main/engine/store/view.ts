// The store's data plus the indexes that are cheap to rebuild and so are never written to disk.
import type { FeedPage, FeedQuery } from '../../../shared/api.js';
import type { FeedEntry, ProductState, Watch } from '../../../shared/model.js';
import { productKey } from '../../../shared/model.js';
import type { StoreData, StoredFeedEntry } from './state.js';

export const MAX_PAGE = 200;

export class StoreView {
  private watchesByKey = new Map<string, Watch[]>();
  private searchText = new Map<string, string>();
  unread = 0;

  constructor(readonly data: StoreData) {
    this.reindexWatches();
    for (const product of Object.values(data.products)) this.indexProduct(product);
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
    let index = feed.length - 1;
    if (query.before) {
      const at = feed.indexOf(query.before);
      index = at === -1 ? -1 : at - 1;
    }
    const items: FeedEntry[] = [];
    for (; index >= 0 && items.length < limit; index--) {
      if (matches(index)) items.push(this.joinProduct(feed.entry(index)));
    }
    // A full page with entries left to look at may have more; a short page means the scan reached the start.
    const last = items.at(-1);
    const next = items.length === limit && index >= 0 && last ? last.id : null;
    return { items, next, total: this.count(matches) };
  }

  private count(matches: (index: number) => boolean): number {
    const feed = this.data.feed;
    if (matches === everything) return feed.length;
    let total = 0;
    for (let index = 0; index < feed.length; index++) if (matches(index)) total++;
    return total;
  }

  private matcher(query: FeedQuery): (index: number) => boolean {
    const feed = this.data.feed;
    const needle = query.q?.trim().toLowerCase() ?? '';
    const filter = query.filter ?? 'all';
    if (!needle && filter === 'all') return everything;
    return (index) => {
      if (filter === 'alerts' && !feed.hasAlerts(index)) return false;
      if (filter === 'watched' && !this.watchesByKey.has(feed.keyAt(index))) return false;
      return !needle || (this.searchText.get(feed.keyAt(index))?.includes(needle) ?? false);
    };
  }
}

const everything = (): boolean => true;
