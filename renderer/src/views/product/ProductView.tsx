import { isWebUrl } from '../../../../shared/domain/web-url.js';
import { useApiClient, useUiEvents } from '../../api/ApiContext.js';
import { useLoad } from '../../api/useLoad.js';
import { CopyButton } from '../../components/CopyButton.js';
import { ErrorState, Loading } from '../../components/ErrorState.js';
import { ExportButton } from '../../components/ExportButton.js';
import { ProductImage } from '../../components/ProductImage.js';
import { brandText } from '../../lib/brandText.js';
import { productName } from '../../lib/productName.js';
import { hrefs } from '../../routing/routes.js';
import { WatchButton } from '../../watch/WatchButton.js';
import { WatchEditor } from '../../watch/WatchEditor.js';
import { useWatches } from '../../watch/WatchesContext.js';
import { LinkingPages } from './LinkingPages.js';
import { NotWatchedNote } from './NotWatchedNote.js';
import { PriceStockChart } from './PriceStockChart.js';
import { ProductCheck } from './ProductCheck.js';
import { ProductFacts } from './ProductFacts.js';

export function ProductView({ productKey }: { productKey: string }) {
  const client = useApiClient();
  const watches = useWatches();
  const { state, reload } = useLoad(() => client.api.product({ key: productKey }), [client.api, productKey]);
  // A postback for this item: fetch its new state and history (no polling).
  useUiEvents((event) => {
    if (event.type === 'feed' && event.entries.some((entry) => entry.key === productKey)) reload(true);
  });

  if (state.status === 'loading') return <Loading what="the product" />;
  if (state.status === 'error') {
    return (
      <section className="view">
        <p>
          <a href={hrefs.feed}>← Feed</a>
        </p>
        <ErrorState message={`Could not load this product: ${state.error}`} onRetry={() => reload()} />
      </section>
    );
  }
  const { product, history } = state.data;
  const name = productName(product);
  // The shared watch list is the truth once loaded (it sees edits made here and elsewhere).
  const watch = watches.state.status === 'ready' ? watches.byKey.get(product.key) : state.data.watches[0];
  const url = product.url;
  const brand = brandText(product);
  return (
    <section className="view product-view" aria-labelledby="product-heading">
      <p>
        <a href={hrefs.feed}>← Feed</a>
      </p>
      <header className="product-header">
        <ProductImage url={product.imageUrl} name={name} size={96} />
        <div>
          <h1 id="product-heading">{name}</h1>
          {brand ? (
            <p className="product-brand" data-testid="product-brand">
              {brand}
            </p>
          ) : null}
          <p className="muted">
            Item {product.catalogItemId} · catalog {product.catalogId}
          </p>
          <div className="row">
            {isWebUrl(url) ? (
              <>
                <button type="button" className="button" onClick={() => client.openExternal(url)}>
                  Open product
                </button>
                {/* impact.com's Url is the partner's own tracking link: what they share to earn. */}
                <CopyButton text={url} label="Copy tracking link" idleText="Copy tracking link" className="button" />
              </>
            ) : (
              <span className="muted">
                {url ? 'The product link is not a web address' : 'No product link received'}
              </span>
            )}
            {watch ? null : (
              <WatchButton
                target={{ catalogId: product.catalogId, catalogItemId: product.catalogItemId }}
                name={name}
              />
            )}
          </div>
          <ProductCheck productKey={product.key} />
          <LinkingPages pages={state.data.pages ?? []} />
        </div>
      </header>
      <div className="product-grid">
        <section aria-labelledby="state-heading">
          <h2 id="state-heading">Current state</h2>
          <ProductFacts product={product} />
        </section>
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">History</h2>
          <PriceStockChart history={history} productName={name} />
          {history.length > 0 ? (
            <div className="row">
              <ExportButton request={{ kind: 'history', key: product.key }} label="Export history (CSV)" />
            </div>
          ) : null}
        </section>
      </div>
      <section aria-labelledby="watch-heading">
        <h2 id="watch-heading">Watch</h2>
        {watch ? <WatchEditor watch={watch} subject={name} /> : <NotWatchedNote product={product} />}
      </section>
    </section>
  );
}
