// Live entries arrive unfiltered; these decide whether one belongs in the list the user is looking at.
import type { FeedFilter } from '../../../../shared/contract/enums.js';
import type { FeedEntry } from '../../../../shared/contract/feed.js';
import { textMatcher } from '../../../../shared/domain/feed-search.js';

export function matchesFeedView(
  entry: FeedEntry,
  filter: FeedFilter,
  q: string,
  isWatched: (product: FeedEntry['product']) => boolean,
): boolean {
  if (filter === 'alerts' && entry.alerts.length === 0) return false;
  if (filter === 'watched' && !isWatched(entry.product) && entry.alerts.length === 0) return false;
  if (!q.trim()) return true;
  // The server's rule, so a live entry shows exactly when a reload would show it (shared/domain/feed-search.ts).
  const { name, catalogItemId, brandName, catalogName } = entry.product;
  return textMatcher(q)([name, catalogItemId, brandName, catalogName]);
}

/** Newest first, no duplicates: an entry seen again (e.g. in `feed` and then `alert`) replaces the older copy. */
export function mergeNewest(current: FeedEntry[], incoming: FeedEntry[]): { entries: FeedEntry[]; added: number } {
  const fresh = new Map([...incoming].sort((a, b) => b.seq - a.seq).map((entry) => [entry.id, entry]));
  const updated = current.map((entry) => {
    const newer = fresh.get(entry.id);
    if (!newer) return entry;
    fresh.delete(entry.id);
    return { ...newer, read: newer.read || entry.read };
  });
  const prepend = [...fresh.values()];
  return { entries: [...prepend, ...updated], added: prepend.length };
}
