// A list fetched a page at a time as the user scrolls (the feed, catalog search): a change of the caller's
// dependencies starts over, `loadMore` follows the last page's cursor, and answers to an older start are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDepsVersion, useLatestRequest } from './useLoad.js';

export interface Page<T> {
  items: T[];
  /** the cursor of the next page; null at the end */
  next: string | null;
  /** how many items there are in all, when the server counted */
  total?: number | null;
}

export interface PagerState<T> {
  items: T[];
  next: string | null;
  /** null when the server did not count (a broad search) */
  total: number | null;
  /** nothing fetched yet since the last start */
  initial: boolean;
  loading: boolean;
  error: string | null;
}

export interface PagerOptions<T> {
  /** the page after `cursor`; the first when it is null */
  load: (cursor: string | null) => Promise<Page<T>>;
  /** false: ask nothing (the list stays empty) */
  enabled: boolean;
  /** the same item on two pages (the list changed in between) is shown once */
  keyOf: (item: T) => string;
  /**
   * How the first page meets what is shown already (items that arrived live while it loaded); by default the page
   * is all there is. `added` counts the items it kept besides the page's.
   */
  mergeFirst?: (page: T[], shown: T[]) => { items: T[]; added: number };
}

const start = <T>(enabled: boolean): PagerState<T> => ({
  items: [],
  next: null,
  total: null,
  initial: true,
  loading: enabled,
  error: null,
});

export function usePager<T>(options: PagerOptions<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<PagerState<T>>(() => start(options.enabled));
  const { restart, request } = useLatestRequest();
  const latest = useRef(options);
  latest.current = options;
  const inFlight = useRef(false);

  const fetchPage = useCallback(
    (cursor: string | null) => {
      const { load, keyOf, mergeFirst } = latest.current;
      inFlight.current = true;
      setState((s) => ({ ...s, loading: true, error: null }));
      request(
        load(cursor),
        (page) => {
          inFlight.current = false;
          setState((s) => {
            if (cursor === null && mergeFirst) {
              const merged = mergeFirst(page.items, s.items);
              const total = page.total == null ? null : page.total + merged.added;
              return { items: merged.items, next: page.next, total, initial: false, loading: false, error: null };
            }
            const known = new Set(s.items.map(keyOf));
            const items = [...s.items, ...page.items.filter((item) => !known.has(keyOf(item)))];
            return { items, next: page.next, total: page.total ?? null, initial: false, loading: false, error: null };
          });
        },
        (error) => {
          inFlight.current = false;
          setState((s) => ({ ...s, loading: false, error }));
        },
      );
    },
    [request],
  );

  const depsVersion = useDepsVersion([...deps, options.enabled]);
  useEffect(() => {
    void depsVersion; // starts over whenever one of the caller's dependencies changed
    restart();
    inFlight.current = false;
    setState(start(latest.current.enabled));
    if (latest.current.enabled) fetchPage(null);
    return restart;
  }, [depsVersion, fetchPage, restart]);

  const loadMore = useCallback(() => {
    if (inFlight.current || state.error || !state.next) return;
    fetchPage(state.next);
  }, [fetchPage, state.error, state.next]);

  const retry = useCallback(() => fetchPage(state.initial ? null : state.next), [fetchPage, state.initial, state.next]);

  /** Changes what is shown without asking the server (live items, items marked read here). */
  const update = useCallback((change: (state: PagerState<T>) => PagerState<T>) => setState(change), []);

  return { ...state, loadMore, retry, update };
}
