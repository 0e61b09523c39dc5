import { memo } from 'react';
import type { FeedEntry } from '../../../../shared/contract/feed.js';
import { describeEntry } from '../../../../shared/domain/describe.js';
import { onYourPagesText } from '../../../../shared/domain/pages-text.js';
import { ProductImage } from '../../components/ProductImage.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { productName } from '../../lib/productName.js';
import { hrefs } from '../../routing/routes.js';
import { WatchButton } from '../../watch/WatchButton.js';
import { FeedRowMenu } from './FeedRowMenu.js';

interface FeedRowProps {
  entry: FeedEntry;
  onOpen: (entry: FeedEntry) => void;
  onToggleRead: (entry: FeedEntry) => void;
}

/** One feed entry. Every payload field is rendered as React text: nothing from a postback becomes markup. */
export const FeedRow = memo(function FeedRow({ entry, onOpen, onToggleRead }: FeedRowProps) {
  const { product } = entry;
  const name = productName(product);
  const hasAlerts = entry.alerts.length > 0;
  // The pages that link to it share the alert's line when there is one (rows have a fixed height).
  const pages = onYourPagesText(entry.pages, { capital: !hasAlerts });
  const classes = ['feed-row', entry.read ? 'read' : 'unread', hasAlerts ? 'has-alert' : ''].join(' ');
  return (
    <div className={classes} data-testid="feed-entry">
      <span className="unread-dot" aria-hidden="true" />
      <ProductImage url={product.imageUrl} name={name} />
      <div className="feed-main">
        <p className="feed-title">
          <a className="feed-name" href={hrefs.product(entry.key)} onClick={() => onOpen(entry)}>
            {name}
            {entry.read ? null : <span className="visually-hidden"> (unread)</span>}
          </a>
          {product.brandName ? (
            <span className="feed-brand" data-testid="feed-brand" title={catalogTitle(product)}>
              {product.brandName}
            </span>
          ) : null}
        </p>
        <p className="feed-change" data-testid="feed-change">
          {describeEntry(entry)}
        </p>
        {hasAlerts ? (
          <p className="feed-alert">
            <span className="badge alert">Alert</span> {entry.alerts.map((alert) => alert.message).join(' · ')}
            {pages ? <span className="feed-pages" data-testid="feed-pages">{` · ${pages}`}</span> : null}
          </p>
        ) : pages ? (
          <p className="feed-pages muted" data-testid="feed-pages">
            {pages}
          </p>
        ) : null}
      </div>
      <div className="feed-side">
        <span className="feed-when">
          {entry.source === 'api' ? (
            <span className="badge" title="Found by checking impact.com, not sent as a postback">
              found on check
            </span>
          ) : null}
          <RelativeTime iso={entry.at} />
        </span>
        <span className="feed-actions">
          <WatchButton target={{ catalogId: product.catalogId, catalogItemId: product.catalogItemId }} name={name} />
          <FeedRowMenu product={product} name={name} read={entry.read} onToggleRead={() => onToggleRead(entry)} />
        </span>
      </div>
    </div>
  );
});

/** "Tents (catalog 24836)": the ids stay at hand behind the brand's name. */
function catalogTitle(product: FeedEntry['product']): string {
  const catalog = product.catalogName
    ? `${product.catalogName} (catalog ${product.catalogId})`
    : `catalog ${product.catalogId}`;
  return `${product.brandName} · ${catalog}`;
}
