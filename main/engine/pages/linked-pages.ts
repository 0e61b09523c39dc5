// "On 3 of your pages": feed entries (pages, live events, a stream's catch-up) carry the pages that link to their
// product, named by the link index as it is now.
import type { FeedEntry } from '../../../shared/contract/feed.js';
import type { LinkedPages } from '../../../shared/contract/pages.js';
import type { PageIndex } from '../store/db/pages/page-index.js';

export function withLinkedPages(index: PageIndex, entries: FeedEntry[]): FeedEntry[] {
  if (!index.keys.enabled || entries.length === 0) return entries; // no sites: nothing links anywhere
  const byKey = new Map<string, LinkedPages>();
  return entries.map((entry) => {
    let pages = byKey.get(entry.key);
    if (!pages) {
      pages = index.query.linkingTo(entry.key);
      byKey.set(entry.key, pages);
    }
    return pages.count > 0 ? { ...entry, pages } : entry;
  });
}
