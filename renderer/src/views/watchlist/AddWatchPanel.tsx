import { useImpact } from '../../impact/ImpactContext.js';
import { hrefs } from '../../routing/routes.js';
import { AddWatchForm } from './AddWatchForm.js';
import { CatalogSearch } from './CatalogSearch.js';

/** Add a watch: by searching impact.com (with the account), or by the two ids (always). */
export function AddWatchPanel() {
  const { account, connected } = useImpact();
  return (
    <section className="add-panel" aria-labelledby="add-watch-heading">
      <h2 id="add-watch-heading">Add</h2>
      {connected ? (
        <>
          <CatalogSearch />
          <details className="add-by-ids">
            <summary>Add by catalog id and item id</summary>
            <AddWatchForm />
          </details>
        </>
      ) : (
        <>
          {account.status === 'loading' ? null : (
            <p className="muted" data-testid="search-needs-account">
              To find products by name or brand, connect your impact.com account in{' '}
              <a href={hrefs.settings}>Settings</a>. Without it, add an item by its ids:
            </p>
          )}
          <AddWatchForm />
        </>
      )}
    </section>
  );
}
