// The feed's data: pages fetched on demand as the user scrolls, reset when the filter or search changes,
// and live entries merged in at the top from `feed`/`alert` events.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FeedFilter } from '../../../../shared/api.js';
import type { FeedEntry } from '../../../../shared/model.js';
import { useApiClient, useUiEvents } from '../../api/ApiContext.js';
import { messageOf } from '../../api/useLoad.js';
import { matchesFeedView, mergeNewest } from './feedMatch.js';

export const FEED_PAGE_SIZE = 100;

interface FeedState {
  entries: FeedEntry[];
  next: string | null;
  /** null when the server could not count cheaply (a broad search) */
  total: number | null;
  /** nothing fetched yet for this filter/search */
  initial: boolean;
  loading: boolean;
  error: string | null;
}

const EMPTY: FeedState = { entries: [], next: null, total: 0, initial: true, loading: true, error: null };

export function useFeed(filter: FeedFilter, q: string, isWatched: (product: FeedEntry['product']) => boolean) {
  const { api } = useApiClient();
  const [state, setState] = useState<FeedState>(EMPTY);
  // Each filter/search gets a generation; answers for an older one are dropped.
  const generation = useRef(0);
  const inFlight = useRef(false);

  const fetchPage = useCallback(
    (before: string | null) => {
      const mine = generation.current;
      inFlight.current = true;
      setState((s) => ({ ...s, loading: true, error: null }));
      const query = { limit: FEED_PAGE_SIZE, filter, ...(before ? { before } : {}), ...(q ? { q } : {}) };
      api.feed(query).then(
        (page) => {
          if (mine !== generation.current) return;
          inFlight.current = false;
          setState((s) => {
            if (!before) {
              // A postback that arrived live while the first page was on its way may be newer than the page:
              // keep it (s.entries holds only such live entries here), or it would vanish until a reload.
              const merged = mergeNewest(page.items, s.entries);
              const total = page.total === null ? null : page.total + merged.added;
              return { entries: merged.entries, next: page.next, total, initial: false, loading: false, error: null };
            }
            const known = new Set(s.entries.map((entry) => entry.id));
            const older = page.items.filter((entry) => !known.has(entry.id));
            const entries = [...s.entries, ...older];
            return { entries, next: page.next, total: page.total, initial: false, loading: false, error: null };
          });
        },
        (error: unknown) => {
          if (mine !== generation.current) return;
          inFlight.current = false;
          setState((s) => ({ ...s, loading: false, error: messageOf(error) }));
        },
      );
    },
    [api, filter, q],
  );

  useEffect(() => {
    generation.current++;
    setState(EMPTY);
    fetchPage(null);
  }, [fetchPage]);

  const loadMore = useCallback(() => {
    if (inFlight.current || state.error || !state.next) return;
    fetchPage(state.next);
  }, [fetchPage, state.error, state.next]);

  const retry = useCallback(() => fetchPage(state.initial ? null : state.next), [fetchPage, state.initial, state.next]);

  useUiEvents((event) => {
    if (event.type !== 'feed' && event.type !== 'alert') return;
    const relevant = event.entries.filter((entry) => matchesFeedView(entry, filter, q, isWatched));
    if (relevant.length === 0) return;
    setState((s) => {
      const merged = mergeNewest(s.entries, relevant);
      return { ...s, entries: merged.entries, total: s.total === null ? null : s.total + merged.added };
    });
  });

  /** Shows entries read (or unread again) before the server answers. */
  const markLocally = useCallback((ids: string[] | 'all', read = true) => {
    const wanted = ids === 'all' ? null : new Set(ids);
    setState((s) => ({
      ...s,
      entries: s.entries.map((entry) =>
        entry.read !== read && (!wanted || wanted.has(entry.id)) ? { ...entry, read } : entry,
      ),
    }));
  }, []);

  return { ...state, loadMore, retry, markLocally };
}
