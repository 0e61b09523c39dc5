// The Pages list's data: pages fetched a page at a time (attention first), reset when the filter or search changes,
// read again quietly when a scan finishes or products change (what needs attention follows their state).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PageItem, PageProduct } from '../../../../shared/contract/pages.js';
import { useApiClient, useUiEvents } from '../../api/ApiContext.js';
import { messageOf } from '../../api/useLoad.js';
import { useStatus } from '../../app/StatusContext.js';

const PAGE_SIZE = 50;

interface PagesState {
  items: PageItem[];
  products: Record<string, PageProduct>;
  next: string | null;
  loading: boolean;
  error: string | null;
}

export function usePages(attentionOnly: boolean, q: string) {
  const { api } = useApiClient();
  const [state, setState] = useState<PagesState>({ items: [], products: {}, next: null, loading: true, error: null });
  const generation = useRef(0);

  const load = useCallback(
    (cursor: string | null, quiet = false) => {
      const mine = ++generation.current;
      if (!quiet) setState((s) => ({ ...s, loading: true, error: null }));
      const query = {
        detail: '1' as const,
        limit: PAGE_SIZE,
        ...(attentionOnly ? { attention: '1' as const } : {}),
        ...(q ? { q } : {}),
        ...(cursor ? { cursor } : {}),
      };
      api.listPages(query).then(
        (page) => {
          if (mine !== generation.current) return;
          setState((s) => ({
            items: cursor ? [...s.items, ...page.items] : page.items,
            products: { ...(cursor ? s.products : {}), ...page.products },
            next: page.next,
            loading: false,
            error: null,
          }));
        },
        (error: unknown) => {
          if (mine === generation.current) setState((s) => ({ ...s, loading: false, error: messageOf(error) }));
        },
      );
    },
    [api, attentionOnly, q],
  );

  useEffect(() => load(null), [load]);

  useUiEvents((event) => {
    if (event.type === 'feed') load(null, true);
  });
  // A scan finished (its end time moved): what was read changed.
  const finishedAt = useStatus().state.data?.pageScan?.lastFinishedAt;
  const seenFinish = useRef(finishedAt);
  useEffect(() => {
    if (finishedAt === seenFinish.current) return;
    seenFinish.current = finishedAt;
    load(null, true);
  }, [finishedAt, load]);

  return {
    ...state,
    reload: () => load(null),
    loadMore: () => {
      if (state.next && !state.loading) load(state.next);
    },
  };
}
