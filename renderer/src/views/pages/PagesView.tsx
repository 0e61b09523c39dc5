// Your pages (issue 18): the partner's articles that link to the products they promote, the ones that need them
// first (a product out of stock, removed or dearer since the page was read; a plain link that earns nothing).
import { useState } from 'react';
import { useStatus } from '../../app/StatusContext.js';
import { ErrorState, Loading } from '../../components/ErrorState.js';
import { useDebounced } from '../../lib/useDebounced.js';
import { hrefs, navigate } from '../../routing/routes.js';
import { DEFAULT_PAGES_RULES } from '../../watch/defaultRules.js';
import { ScopeWatchButton } from '../../watch/ScopeWatchButton.js';
import { PageRow } from './PageRow.js';
import { SitesPanel } from './SitesPanel.js';
import { usePages } from './usePages.js';

export function PagesView({ attentionOnly }: { attentionOnly: boolean }) {
  const status = useStatus().state.data;
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const pages = usePages(attentionOnly, q);
  return (
    <section className="view pages-view" aria-labelledby="pages-heading">
      <header className="view-header">
        <h1 id="pages-heading">Your pages</h1>
      </header>
      <p className="muted">
        Shelfwatch reads the pages of your sites and finds their links to the products you promote, so you know which
        articles lose money when a product sells out, leaves the catalog or gets dearer.
      </p>
      {status && !status.device ? <SitesPanel /> : null}
      <p className="row">
        <ScopeWatchButton
          target={{ linkedFromPages: true }}
          scope="everything your pages link to"
          rules={DEFAULT_PAGES_RULES}
        />
      </p>
      <h2>Pages</h2>
      <div className="toolbar">
        <fieldset className="segmented">
          <legend className="visually-hidden">Show</legend>
          <button
            type="button"
            className="segment"
            aria-pressed={attentionOnly}
            onClick={() => navigate(hrefs.pagesAttention)}
          >
            Needs attention
          </button>
          <button type="button" className="segment" aria-pressed={!attentionOnly} onClick={() => navigate(hrefs.pages)}>
            All pages
          </button>
        </fieldset>
        <input
          type="search"
          className="search"
          placeholder="Search titles and addresses"
          aria-label="Search your pages by title or address"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      {pages.error ? <ErrorState message={`Could not load your pages: ${pages.error}`} onRetry={pages.reload} /> : null}
      {pages.loading && pages.items.length === 0 ? <Loading what="your pages" /> : null}
      {!pages.loading && !pages.error && pages.items.length === 0 ? (
        <p className="state" data-testid="pages-empty">
          {attentionOnly
            ? 'No page needs attention: every product your pages link to is in stock, listed and no dearer.'
            : q
              ? 'No page matches that search.'
              : 'No pages read yet. Add your site above: its sitemap, its feed, or a page address.'}
        </p>
      ) : null}
      {pages.items.length > 0 ? (
        <ul className="page-list" aria-label={attentionOnly ? 'Pages that need attention' : 'Your pages'}>
          {pages.items.map((page) => (
            <PageRow key={page.url} page={page} products={pages.products} />
          ))}
        </ul>
      ) : null}
      {pages.next ? (
        <p className="feed-more">
          <button type="button" className="button" onClick={pages.loadMore} disabled={pages.loading}>
            More pages
          </button>
        </p>
      ) : null}
    </section>
  );
}
