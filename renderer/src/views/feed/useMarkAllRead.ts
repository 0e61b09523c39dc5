// "Mark all read" marks what the feed shows (its filter and search) and offers Undo for a while: the notice says how
// many it marked, and Undo makes exactly those unread again, on the server and in the list.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FeedFilter } from '../../../../shared/contract/enums.js';
import type { FeedEntry, FeedView } from '../../../../shared/contract/feed.js';
import { useApiClient } from '../../api/ApiContext.js';
import { messageOf } from '../../api/useLoad.js';
import type { PagerState } from '../../api/usePager.js';
import { useStatus } from '../../app/StatusContext.js';

/** How long Undo is offered. */
export const UNDO_WINDOW_MS = 10_000;

export type MarkAllNotice =
  | { kind: 'marked'; marked: number; undoId?: string }
  | { kind: 'restored'; restored: number }
  | { kind: 'failed'; message: string };

interface ShownFeed {
  items: FeedEntry[];
  markLocally(ids: string[] | 'all', read?: boolean): void;
  update(change: (state: PagerState<FeedEntry>) => PagerState<FeedEntry>): void;
}

/** The view as the engine takes it: nothing for the whole feed, so "all" stays the plain watermark. */
export function viewOf(filter: FeedFilter, q: string): FeedView | undefined {
  const view: FeedView = { ...(filter !== 'all' ? { filter } : {}), ...(q ? { q } : {}) };
  return Object.keys(view).length > 0 ? view : undefined;
}

export function useMarkAllRead(feed: ShownFeed, filter: FeedFilter, q: string) {
  const { api } = useApiClient();
  const status = useStatus();
  const [notice, setNotice] = useState<MarkAllNotice | null>(null);
  /** the listed entries the last "mark all read" turned read here: Undo turns them back */
  const turned = useRef<Set<string>>(new Set());

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), UNDO_WINDOW_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  // A notice is about the list it was given in: another filter or search is another list.
  useEffect(() => {
    void filter;
    void q;
    setNotice(null);
  }, [filter, q]);

  const { items, markLocally, update } = feed;
  const markAll = useCallback(() => {
    turned.current = new Set(items.filter((entry) => !entry.read).map((entry) => entry.id));
    markLocally('all');
    const view = viewOf(filter, q);
    api.markRead({ all: true, ...(view ? { filter: view } : {}) }).then(
      (answer) => {
        status.setUnread(answer.unread);
        setNotice({ kind: 'marked', marked: answer.marked ?? 0, ...(answer.undoId ? { undoId: answer.undoId } : {}) });
      },
      (error: unknown) => {
        status.reload();
        setNotice({ kind: 'failed', message: `Could not mark them read: ${messageOf(error)}` });
      },
    );
  }, [api, filter, items, markLocally, q, status]);

  const undo = useCallback(
    (undoId: string) => {
      api.undoMarkRead({ id: undoId }).then(
        (answer) => {
          status.setUnread(answer.unread);
          const back = turned.current;
          update((s) => ({
            ...s,
            items: s.items.map((entry) => (back.has(entry.id) ? { ...entry, read: false } : entry)),
          }));
          setNotice({ kind: 'restored', restored: answer.restored });
        },
        (error: unknown) => setNotice({ kind: 'failed', message: `Could not undo: ${messageOf(error)}` }),
      );
    },
    [api, status, update],
  );

  return { markAll, undo, notice, dismiss: () => setNotice(null) };
}
