// Feed entries are stored oldest first with non-decreasing seq; ids are "<seq>" or "<seq>.<n>" when one journal
// record made several entries (re-processing the quarantine).
import type { StoredFeedEntry } from './state.js';

export function feedEntryId(seq: number, index: number): string {
  return index === 0 ? String(seq) : `${seq}.${index}`;
}

/** Index of the entry with this id, or -1. */
export function findFeedIndex(feed: StoredFeedEntry[], id: string): number {
  const seq = Number.parseInt(id, 10);
  if (!Number.isSafeInteger(seq)) return -1;
  let low = 0;
  let high = feed.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((feed[mid]?.seq ?? 0) < seq) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < feed.length && feed[i]?.seq === seq; i++) if (feed[i]?.id === id) return i;
  return -1;
}
