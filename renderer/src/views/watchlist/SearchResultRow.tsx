import type { CatalogItem } from '../../../../shared/contract/impact.js';
import { formatPrice } from '../../../../shared/domain/money.js';
import { STOCK_LABELS } from '../../../../shared/domain/stock.js';
import { productKey, watchCovers } from '../../../../shared/domain/watch-target.js';
import { Menu } from '../../components/Menu.js';
import { ProductImage } from '../../components/ProductImage.js';
import { useImpact } from '../../impact/ImpactContext.js';
import { ScopeWatchButton } from '../../watch/ScopeWatchButton.js';
import { WatchButton } from '../../watch/WatchButton.js';
import { useWatches } from '../../watch/WatchesContext.js';

/** One search result: what it is, whose, what it costs now, and one click to watch it (or its catalog or brand). */
export function SearchResultRow({ item }: { item: CatalogItem }) {
  const watches = useWatches();
  const { catalogById } = useImpact();
  const name = item.name.trim() || item.catalogItemId;
  const catalog = catalogById.get(item.catalogId);
  const campaignId = catalog?.campaignId;
  const key = productKey(item.catalogId, item.catalogItemId);
  // The watch list here knows of watches made since the search answered; the engine's flag covers the rest.
  const watched =
    watches.state.status === 'ready'
      ? watches.state.data.some((watch) => watchCovers(watch.target, { ...item, campaignId }))
      : item.watched;

  return (
    <li className="search-result" data-testid="search-result" aria-label={name}>
      <ProductImage url={item.imageUrl} name={name} />
      <div className="search-main">
        <p className="search-name">{name}</p>
        <p className="muted">
          {item.brandName ? <span className="brand-name">{item.brandName}</span> : null}
          {item.brandName ? ' · ' : null}
          {catalog ? `${catalog.name} · ` : ''}
          {item.catalogItemId}
        </p>
      </div>
      <div className="search-state">
        <ResultPrice item={item} />
        <span>{item.stockAvailability ? STOCK_LABELS[item.stockAvailability] : 'Stock unknown'}</span>
      </div>
      <div className="search-actions">
        {watched && !watches.byKey.has(key) ? (
          <span className="badge watching">Watching</span>
        ) : (
          <WatchButton target={{ catalogId: item.catalogId, catalogItemId: item.catalogItemId }} name={name} />
        )}
        <Menu label={`More ways to watch ${name}`}>
          {() => (
            <>
              <ScopeWatchButton
                target={{ catalogId: item.catalogId }}
                scope={`everything in ${catalog?.name ?? `catalog ${item.catalogId}`}`}
                className="menu-item"
              />
              {campaignId ? (
                <ScopeWatchButton
                  target={{ campaignId }}
                  scope={`everything from ${item.brandName || `campaign ${campaignId}`}`}
                  className="menu-item"
                />
              ) : null}
            </>
          )}
        </Menu>
      </div>
    </li>
  );
}

function ResultPrice({ item }: { item: CatalogItem }) {
  if (item.currentPrice === null) return <span className="muted">No price</span>;
  const was = item.originalPrice !== null && item.originalPrice > item.currentPrice ? item.originalPrice : null;
  return (
    <span className="number">
      {formatPrice(item.currentPrice, item.currency)}
      {was === null ? null : (
        <>
          {' '}
          <span className="visually-hidden">was </span>
          <s className="muted">{formatPrice(was, item.currency)}</s>
        </>
      )}
    </span>
  );
}
