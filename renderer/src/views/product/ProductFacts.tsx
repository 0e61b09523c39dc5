import type { ProductState } from '../../../../shared/contract/product.js';
import { formatPrice } from '../../../../shared/domain/money.js';
import { STOCK_LABELS } from '../../../../shared/domain/stock.js';
import { RelativeTime } from '../../components/RelativeTime.js';

/** The product's current state as the last postback or check left it; the brand's names first, then the ids. */
export function ProductFacts({ product }: { product: ProductState }) {
  const price = (amount: number | undefined) => (amount === undefined ? '—' : formatPrice(amount, product.currency));
  return (
    <dl className="facts" data-testid="product-facts">
      <dt>Price</dt>
      <dd className="number">{price(product.currentPrice)}</dd>
      <dt>Original price</dt>
      <dd className="number">{price(product.originalPrice)}</dd>
      <dt>Stock</dt>
      <dd>
        {product.removed
          ? 'Removed from catalog'
          : (STOCK_LABELS[product.stockAvailability] ?? product.stockAvailability)}
      </dd>
      <dt>Inventory</dt>
      <dd className="number">{product.inventory ?? '—'}</dd>
      {product.brandName ? (
        <>
          <dt>Brand</dt>
          <dd data-testid="fact-brand">{product.brandName}</dd>
        </>
      ) : null}
      {product.catalogName ? (
        <>
          <dt>Catalog</dt>
          <dd>{product.catalogName}</dd>
        </>
      ) : null}
      <dt>Catalog id</dt>
      <dd className="number">{product.catalogId}</dd>
      <dt>Item id</dt>
      <dd>{product.catalogItemId}</dd>
      <dt>Campaign id</dt>
      <dd className="number">{product.campaignId ?? '—'}</dd>
      <dt>Last update</dt>
      <dd>
        <RelativeTime iso={product.updatedAt} />
      </dd>
      <dt>First seen</dt>
      <dd>
        <RelativeTime iso={product.firstSeenAt} />
      </dd>
    </dl>
  );
}
