// The virtualized feed: only the rows in view (plus a little overscan) exist in the DOM, so 100,000+ entries
// scroll as smoothly as 10. Rows have a fixed height so no row ever has to be measured.
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { FeedEntry } from '../../../../shared/model.js';
import { FeedRow } from './FeedRow.js';

export const FEED_ROW_HEIGHT = 88;
/** start fetching the next page this many rows before the end */
const PREFETCH_ROWS = 20;

interface FeedListProps {
  entries: FeedEntry[];
  total: number;
  hasMore: boolean;
  loading: boolean;
  onNearEnd: () => void;
  onOpen: (entry: FeedEntry) => void;
}

export function FeedList({ entries, total, hasMore, loading, onNearEnd, onOpen }: FeedListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => FEED_ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => entries[index]?.id ?? index,
    // React 19 batches the scroll re-render well enough; flushSync from a layout effect only earns a warning.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loading && lastVisible >= entries.length - PREFETCH_ROWS) onNearEnd();
  }, [hasMore, loading, lastVisible, entries.length, onNearEnd]);

  // Live entries are prepended: if the user has scrolled down, keep what they are reading where it was.
  const firstId = useRef<string | undefined>(undefined);
  useLayoutEffect(() => {
    const previous = firstId.current;
    firstId.current = entries[0]?.id;
    const element = scroller.current;
    if (!previous || !element || element.scrollTop === 0) return;
    const shift = entries.findIndex((entry) => entry.id === previous);
    if (shift > 0) element.scrollTop += shift * FEED_ROW_HEIGHT;
  }, [entries]);

  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const row = scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (row) {
      pendingFocus.current = null;
      row.focus();
    }
  });

  // j/k and the arrow keys move between entries (the ARIA feed pattern), Home/End jump.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target instanceof HTMLInputElement || entries.length === 0) return;
    const moves: Record<string, number> = { j: 1, ArrowDown: 1, k: -1, ArrowUp: -1 };
    let next: number | null = null;
    if (event.key in moves) next = Math.min(entries.length - 1, Math.max(0, active + (moves[event.key] ?? 0)));
    if (event.key === 'Home') next = 0;
    if (event.key === 'End') next = entries.length - 1;
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    pendingFocus.current = next;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  return (
    <div className="feed-scroller" ref={scroller} data-virtual-scroller="" data-testid="feed-scroller">
      <div
        role="feed"
        aria-label="Product changes, newest first"
        aria-busy={loading}
        className="feed-canvas"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
      >
        {items.map((item) => {
          const entry = entries[item.index];
          if (!entry) return null;
          return (
            <article
              key={item.key}
              data-index={item.index}
              aria-posinset={item.index + 1}
              aria-setsize={hasMore ? Math.max(total, entries.length) : entries.length}
              tabIndex={item.index === active ? 0 : -1}
              onFocus={() => setActive(item.index)}
              className="feed-article"
              style={{ height: FEED_ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
            >
              <FeedRow entry={entry} onOpen={onOpen} />
            </article>
          );
        })}
      </div>
      {loading ? (
        <p className="feed-more muted" role="status">
          Loading more…
        </p>
      ) : null}
    </div>
  );
}
