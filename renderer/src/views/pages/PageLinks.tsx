// One page's links, as the last reading found them: which product each leads to, how it was matched, and what the
// product is now (and cost when the page was read). Every href and text is shown as text; nothing is followed.
import type { PageLinkItem, PageProduct } from '../../../../shared/contract/pages.js';
import { formatPrice } from '../../../../shared/domain/money.js';
import { useApiClient } from '../../api/ApiContext.js';
import { useLoad } from '../../api/useLoad.js';
import { ErrorState, Loading } from '../../components/ErrorState.js';
import { productName } from '../../lib/productName.js';
import { hrefs } from '../../routing/routes.js';
import { MATCH_LABELS, productStateText } from './pageWords.js';

export function PageLinks({ url }: { url: string }) {
  const { api } = useApiClient();
  const { state, reload } = useLoad(() => api.pageLinks({ url, detail: '1' }), [api, url]);
  if (state.status === 'loading') return <Loading what="the page's links" />;
  if (state.status === 'error')
    return <ErrorState message={`Could not load the links: ${state.error}`} onRetry={() => reload()} />;
  const { items, products = {} } = state.data;
  if (items.length === 0) return <p className="muted">No links to other sites on this page.</p>;
  // Links to products first, in page order; then the others.
  const sorted = [...items.filter((link) => link.productKey), ...items.filter((link) => !link.productKey)];
  return (
    <ul className="page-links" aria-label="Links on this page">
      {sorted.map((link) => (
        <LinkRow key={link.href} link={link} product={link.productKey ? products[link.productKey] : undefined} />
      ))}
    </ul>
  );
}

function LinkRow({ link, product }: { link: PageLinkItem; product: PageProduct | undefined }) {
  return (
    <li className={link.match === 'untracked' ? 'page-link untracked' : 'page-link'} data-testid="page-link">
      <span className="page-link-text">{link.text || '(no text)'}</span>
      <span className="page-link-href muted">{link.href}</span>
      {link.match && link.productKey ? (
        <span className="page-link-product">
          <a href={hrefs.product(link.productKey)}>
            {product
              ? productName({
                  name: product.name,
                  catalogItemId: link.productKey.slice(link.productKey.indexOf(':') + 1),
                })
              : link.productKey}
          </a>
          {product ? ` · ${productStateText(product)}` : ''}
          {product &&
          link.priceWhenScanned != null &&
          product.currentPrice !== undefined &&
          product.currentPrice !== link.priceWhenScanned
            ? ` (was ${formatPrice(link.priceWhenScanned, product.currency)} when the page was read)`
            : ''}
          <span className="badge">{MATCH_LABELS[link.match]}</span>
        </span>
      ) : null}
    </li>
  );
}
