// Search results from impact.com, a page at a time: a new query or catalog starts over, `loadMore` follows `next`.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CatalogItem } from '../../../../shared/contract/impact.js';
import { useApiClient } from '../../api/ApiContext.js';
import { messageOf } from '../../api/useLoad.js';

interface SearchState {
  items: CatalogItem[];
  next: string | null;
  loading: boolean;
  error: string | null;
  /** nothing asked yet (no words and no catalog) */
  idle: boolean;
}

const IDLE: SearchState = { items: [], next: null, loading: false, error: null, idle: true };

export function useCatalogSearch(q: string, catalogId: string) {
  const { api } = useApiClient();
  const [state, setState] = useState<SearchState>(IDLE);
  // Each query gets a generation; answers for an older one are dropped.
  const generation = useRef(0);
  const inFlight = useRef(false);

  const fetchPage = useCallback(
    (cursor: string | null) => {
      const mine = generation.current;
      inFlight.current = true;
      setState((s) => ({ ...s, loading: true, error: null, idle: false }));
      const request = { q, ...(catalogId ? { catalogId } : {}), ...(cursor ? { cursor } : {}) };
      api.searchCatalog(request).then(
        (page) => {
          if (mine !== generation.current) return;
          inFlight.current = false;
          setState((s) => {
            // A page can repeat an item of the previous one (the catalog changed in between): show it once.
            const known = new Set(s.items.map((item) => `${item.catalogId}:${item.catalogItemId}`));
            const fresh = page.items.filter((item) => !known.has(`${item.catalogId}:${item.catalogItemId}`));
            return { items: [...s.items, ...fresh], next: page.next, loading: false, error: null, idle: false };
          });
        },
        (error: unknown) => {
          if (mine !== generation.current) return;
          inFlight.current = false;
          setState((s) => ({ ...s, loading: false, error: messageOf(error) }));
        },
      );
    },
    [api, q, catalogId],
  );

  useEffect(() => {
    generation.current++;
    inFlight.current = false;
    setState(IDLE);
    // Without words, impact.com would list every catalog's items: only a chosen catalog is listed whole.
    if (q || catalogId) fetchPage(null);
  }, [fetchPage, q, catalogId]);

  const loadMore = useCallback(() => {
    if (inFlight.current || state.error || !state.next) return;
    fetchPage(state.next);
  }, [fetchPage, state.error, state.next]);

  const retry = useCallback(
    () => fetchPage(state.items.length === 0 ? null : state.next),
    [fetchPage, state.items.length, state.next],
  );

  return { ...state, loadMore, retry };
}
