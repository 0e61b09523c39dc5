import type { Watch } from '../../../../shared/contract/watch.js';
import { ErrorState, Loading } from '../../components/ErrorState.js';
import { useWatches } from '../../watch/WatchesContext.js';
import { AddWatchPanel } from './AddWatchPanel.js';
import { CheckNowBar } from './CheckNowBar.js';
import { ScopeWatchRow } from './ScopeWatchRow.js';
import { WatchRow } from './WatchRow.js';

export function WatchlistView() {
  const { state, reload } = useWatches();
  return (
    <section className="view" aria-labelledby="watchlist-heading">
      <header className="view-header">
        <h1 id="watchlist-heading">Watchlist</h1>
      </header>
      <AddWatchPanel />
      <h2>Watching</h2>
      <CheckNowBar />
      {state.status === 'loading' ? <Loading what="your watches" /> : null}
      {state.status === 'error' ? (
        <ErrorState message={`Could not load your watches: ${state.error}`} onRetry={reload} />
      ) : null}
      {state.status === 'ready' && state.data.length === 0 ? (
        <p className="state" data-testid="watchlist-empty">
          No watches yet. Add an item above, or press “Watch” on any entry in the <a href="#/feed">Feed</a>.
        </p>
      ) : null}
      {state.status === 'ready' && state.data.length > 0 ? (
        <ul className="watch-list" aria-label="Watches">
          {[...state.data]
            .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
            .map((watch) => (
              <WatchListRow key={watch.id} watch={watch} />
            ))}
        </ul>
      ) : null}
    </section>
  );
}

/** An item's row shows its product; a catalog's or brand's shows their names. */
function WatchListRow({ watch }: { watch: Watch }) {
  const { target } = watch;
  return 'catalogItemId' in target ? (
    <WatchRow watch={watch} target={target} />
  ) : (
    <ScopeWatchRow watch={watch} target={target} />
  );
}
