// The virtualized feed: only the rows in view (plus a little overscan) exist in the DOM, so 100,000+ entries
// scroll as smoothly as 10. Rows have a fixed height so no row ever has to be measured: one height per layout.
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { FeedEntry } from '../../../../shared/contract/feed.js';
import { useNarrow } from '../../lib/useNarrow.js';
import { FeedRow } from './FeedRow.js';

export const FEED_ROW_HEIGHT = 88;
/** the compact layout stacks name, a change of up to two lines, an alert and the time/watch line (styles.css) */
export const FEED_ROW_HEIGHT_NARROW = 128;
/** start fetching the next page this many rows before the end */
const PREFETCH_ROWS = 20;

interface FeedListProps {
  entries: FeedEntry[];
  /** null: not counted (ARIA's -1, "unknown") */
  total: number | null;
  hasMore: boolean;
  loading: boolean;
  onNearEnd: () => void;
  onOpen: (entry: FeedEntry) => void;
}

export function FeedList({ entries, total, hasMore, loading, onNearEnd, onOpen }: FeedListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  const rowHeight = useNarrow() ? FEED_ROW_HEIGHT_NARROW : FEED_ROW_HEIGHT;
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
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

  // The layout changed (the window was resized across the breakpoint): re-lay the rows, keeping the top one in view.
  const laidOutHeight = useRef(rowHeight);
  useLayoutEffect(() => {
    const previous = laidOutHeight.current;
    if (previous === rowHeight) return;
    laidOutHeight.current = rowHeight;
    virtualizer.measure();
    const element = scroller.current;
    if (element) element.scrollTop = Math.round(element.scrollTop / previous) * rowHeight;
  }, [rowHeight, virtualizer]);

  // Live entries are prepended: if the user has scrolled down, keep what they are reading where it was.
  const firstId = useRef<string | undefined>(undefined);
  useLayoutEffect(() => {
    const previous = firstId.current;
    firstId.current = entries[0]?.id;
    const element = scroller.current;
    if (!previous || !element || element.scrollTop === 0) return;
    const shift = entries.findIndex((entry) => entry.id === previous);
    if (shift > 0) element.scrollTop += shift * laidOutHeight.current;
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
              aria-setsize={hasMore ? (total === null ? -1 : Math.max(total, entries.length)) : entries.length}
              tabIndex={item.index === active ? 0 : -1}
              onFocus={() => setActive(item.index)}
              className="feed-article"
              style={{ height: rowHeight, transform: `translateY(${item.start}px)` }}
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
