import { useCallback, useState } from 'react';
import type { FeedFilter } from '../../../../shared/contract/enums.js';
import type { FeedEntry } from '../../../../shared/contract/feed.js';
import { useApiClient } from '../../api/ApiContext.js';
import { useStatus } from '../../app/StatusContext.js';
import { ErrorState, Loading } from '../../components/ErrorState.js';
import { useDebounced } from '../../lib/useDebounced.js';
import { hrefs } from '../../routing/routes.js';
import { useWatches } from '../../watch/WatchesContext.js';
import { FeedList } from './FeedList.js';
import { FeedToolbar } from './FeedToolbar.js';
import { useFeed } from './useFeed.js';

export const SEARCH_DEBOUNCE_MS = 300;

export function FeedView({ initialFilter = 'all' }: { initialFilter?: FeedFilter | undefined }) {
  const { api } = useApiClient();
  const status = useStatus();
  const { covers } = useWatches();
  const [filter, setFilter] = useState<FeedFilter>(initialFilter);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), SEARCH_DEBOUNCE_MS);
  const feed = useFeed(filter, q, covers);
  const { markLocallyRead } = feed;
  const unread = status.state.data?.unread ?? 0;

  const markRead = useCallback(
    (ids: string[] | 'all') => {
      markLocallyRead(ids);
      api.markRead(ids === 'all' ? { all: true } : { ids }).then(
        (answer) => status.setUnread(answer.unread),
        () => status.reload(),
      );
    },
    [api, markLocallyRead, status],
  );
  const onOpen = useCallback((entry: FeedEntry) => !entry.read && markRead([entry.id]), [markRead]);

  return (
    <section className="view feed-view" aria-labelledby="feed-heading">
      <header className="view-header">
        <h1 id="feed-heading">Feed</h1>
        <p className="muted" data-testid="feed-count">
          {feed.initial ? '' : countLabel(feed.total, feed.items.length, feed.next !== null)}
        </p>
      </header>
      <FeedToolbar
        filter={filter}
        onFilter={setFilter}
        search={search}
        onSearch={setSearch}
        unread={unread}
        onMarkAllRead={() => markRead('all')}
      />
      <FeedBody feed={feed} filter={filter} q={q} onOpen={onOpen} />
    </section>
  );
}

function FeedBody(props: {
  feed: ReturnType<typeof useFeed>;
  filter: FeedFilter;
  q: string;
  onOpen: (entry: FeedEntry) => void;
}) {
  const { feed, filter, q, onOpen } = props;
  if (feed.initial && feed.loading) return <Loading what="the feed" />;
  if (feed.initial && feed.error)
    return <ErrorState message={`Could not load the feed: ${feed.error}`} onRetry={feed.retry} />;
  if (feed.items.length === 0) return <FeedEmpty filter={filter} q={q} />;
  return (
    <>
      <FeedList
        entries={feed.items}
        total={feed.total}
        hasMore={feed.next !== null}
        loading={feed.loading}
        onNearEnd={feed.loadMore}
        onOpen={onOpen}
      />
      {feed.error ? <ErrorState message={`Could not load more: ${feed.error}`} onRetry={feed.retry} /> : null}
    </>
  );
}

function FeedEmpty({ filter, q }: { filter: FeedFilter; q: string }) {
  if (q) return <p className="state">Nothing matches “{q}”. Try part of the name, the brand or the item id.</p>;
  if (filter === 'watched') {
    return (
      <p className="state">
        No changes for watched products yet. Watch products from the feed or add one in the{' '}
        <a href={hrefs.watchlist}>Watchlist</a>.
      </p>
    );
  }
  if (filter === 'alerts') return <p className="state">No alerts yet. They appear when a watch rule fires.</p>;
  return (
    <p className="state" data-testid="feed-empty">
      No postbacks yet — open <a href={hrefs.setup}>Setup</a> to connect impact.com.
    </p>
  );
}

/** "1,234 entries"; when the server could not count (a broad search), what is shown so far. */
function countLabel(total: number | null, shown: number, more: boolean): string {
  if (total === null)
    return more
      ? `${shown.toLocaleString()}+ entries`
      : `${shown.toLocaleString()} ${shown === 1 ? 'entry' : 'entries'}`;
  return `${total.toLocaleString()} ${total === 1 ? 'entry' : 'entries'}`;
}
