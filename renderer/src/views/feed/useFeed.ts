// The feed's data: pages fetched on demand as the user scrolls, reset when the filter or search changes,
// and live entries merged in at the top from `feed`/`alert` events.
import { useCallback } from 'react';
import type { FeedFilter } from '../../../../shared/contract/enums.js';
import type { FeedEntry } from '../../../../shared/contract/feed.js';
import { useApiClient, useUiEvents } from '../../api/ApiContext.js';
import { usePager } from '../../api/usePager.js';
import { matchesFeedView, mergeNewest } from './feedMatch.js';

export const FEED_PAGE_SIZE = 100;

const idOf = (entry: FeedEntry) => entry.id;

// A postback that arrived live while the first page was on its way may be newer than the page: keep it (the list
// holds only such live entries then), or it would vanish until a reload.
const keepLive = (page: FeedEntry[], live: FeedEntry[]) => {
  const merged = mergeNewest(page, live);
  return { items: merged.entries, added: merged.added };
};

export function useFeed(filter: FeedFilter, q: string, isWatched: (product: FeedEntry['product']) => boolean) {
  const { api } = useApiClient();
  const pager = usePager(
    {
      load: (before) => api.feed({ limit: FEED_PAGE_SIZE, filter, ...(before ? { before } : {}), ...(q ? { q } : {}) }),
      enabled: true,
      keyOf: idOf,
      mergeFirst: keepLive,
    },
    [api, filter, q],
  );
  const { update } = pager;

  useUiEvents((event) => {
    if (event.type !== 'feed' && event.type !== 'alert') return;
    const relevant = event.entries.filter((entry) => matchesFeedView(entry, filter, q, isWatched));
    if (relevant.length === 0) return;
    update((s) => {
      const merged = mergeNewest(s.items, relevant);
      return { ...s, items: merged.entries, total: s.total === null ? null : s.total + merged.added };
    });
  });

  const markLocallyRead = useCallback(
    (ids: string[] | 'all') => {
      const wanted = ids === 'all' ? null : new Set(ids);
      update((s) => ({
        ...s,
        items: s.items.map((entry) =>
          !entry.read && (!wanted || wanted.has(entry.id)) ? { ...entry, read: true } : entry,
        ),
      }));
    },
    [update],
  );

  return { ...pager, markLocallyRead };
}
