import { useEffect, useId, useRef, useState } from 'react';
import { ErrorState } from '../../components/ErrorState.js';
import { brandOf, useImpact } from '../../impact/ImpactContext.js';
import { itemCount } from '../../impact/targetText.js';
import { useDebounced } from '../../lib/useDebounced.js';
import { ScopeWatchButton } from '../../watch/ScopeWatchButton.js';
import { SearchResultRow } from './SearchResultRow.js';
import { useCatalogSearch } from './useCatalogSearch.js';

export const CATALOG_SEARCH_DEBOUNCE_MS = 300;

/** Search impact.com's catalogs by words ("tent", a brand), in all catalogs or one, and watch from the results. */
export function CatalogSearch() {
  const { catalogs } = useImpact();
  const [text, setText] = useState('');
  const [catalogId, setCatalogId] = useState('');
  const q = useDebounced(text.trim(), CATALOG_SEARCH_DEBOUNCE_MS);
  const search = useCatalogSearch(q, catalogId);
  const id = useId();

  return (
    <div className="catalog-search">
      <search className="search-bar" aria-label="Search impact.com catalogs">
        <label className="field grow" htmlFor={`${id}-q`}>
          Search impact.com
          <input
            id={`${id}-q`}
            type="search"
            placeholder="A product or brand, e.g. tent"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <label className="field" htmlFor={`${id}-catalog`}>
          Catalog
          <select id={`${id}-catalog`} value={catalogId} onChange={(event) => setCatalogId(event.target.value)}>
            <option value="">All catalogs</option>
            {catalogs.map((catalog) => (
              <option key={catalog.id} value={catalog.id}>
                {brandOf(catalog)} — {catalog.name}
              </option>
            ))}
          </select>
        </label>
      </search>
      {catalogId ? <CatalogScopeBar catalogId={catalogId} /> : null}
      <SearchResults search={search} q={q} />
    </div>
  );
}

/** The chosen catalog, with one click to watch all of it or all of its brand. */
function CatalogScopeBar({ catalogId }: { catalogId: string }) {
  const catalog = useImpact().catalogById.get(catalogId);
  if (!catalog) return null;
  const brand = brandOf(catalog);
  return (
    <div className="scope-bar" data-testid="catalog-scope">
      <span>
        <strong>{catalog.name}</strong> by {brand}
        {catalog.numberOfItems === null ? '' : ` · ${itemCount(catalog.numberOfItems)}`}
      </span>
      <ScopeWatchButton target={{ catalogId }} scope="everything in this catalog" />
      <ScopeWatchButton target={{ campaignId: catalog.campaignId }} scope={`everything from ${brand}`} />
    </div>
  );
}

function SearchResults({ search, q }: { search: ReturnType<typeof useCatalogSearch>; q: string }) {
  if (search.idle) return null;
  if (search.error && search.items.length === 0) {
    return <ErrorState message={`impact.com search failed: ${search.error}`} onRetry={search.retry} />;
  }
  return (
    <>
      <p className="muted" role="status" data-testid="search-status">
        {search.loading && search.items.length === 0
          ? 'Searching impact.com…'
          : search.items.length === 0
            ? q
              ? `Nothing found for “${q}”. Try fewer or other words, or another catalog.`
              : 'This catalog has no items.'
            : `${search.items.length.toLocaleString()}${search.next ? '+' : ''} results`}
      </p>
      {search.items.length > 0 ? (
        <ul className="search-results" aria-label="Search results">
          {search.items.map((item) => (
            <SearchResultRow key={`${item.catalogId}:${item.catalogItemId}`} item={item} />
          ))}
        </ul>
      ) : null}
      {search.error && search.items.length > 0 ? (
        <ErrorState message={`Could not load more: ${search.error}`} onRetry={search.retry} />
      ) : null}
      {search.next && !search.error ? <MoreResults loading={search.loading} onMore={search.loadMore} /> : null}
    </>
  );
}

/** Loads the next page when it scrolls into view; a button as well, for the keyboard and for browsers without it. */
function MoreResults({ loading, onMore }: { loading: boolean; onMore: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  const latest = useRef(onMore);
  latest.current = onMore;
  // Observed anew after each page: the first report says whether it is still in view (a short page), then load on.
  useEffect(() => {
    const element = button.current;
    if (loading || !element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) latest.current();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [loading]);
  return (
    <button ref={button} type="button" className="button more-results" onClick={onMore} disabled={loading}>
      {loading ? 'Loading more…' : 'Load more results'}
    </button>
  );
}
