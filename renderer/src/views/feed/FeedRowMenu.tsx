import type { ProductState } from '../../../../shared/contract/product.js';
import { isWebUrl } from '../../../../shared/domain/web-url.js';
import { CopyButton } from '../../components/CopyButton.js';
import { Menu } from '../../components/Menu.js';
import { ScopeWatchButton } from '../../watch/ScopeWatchButton.js';

/** What else a feed row offers, behind one "⋯" so the row stays tidy at 360 px. */
export function FeedRowMenu({ product, name }: { product: ProductState; name: string }) {
  const brand = product.brandName || (product.campaignId ? `campaign ${product.campaignId}` : null);
  return (
    <Menu label={`More for ${name}`}>
      {() => (
        <>
          {/* impact.com's Url is the partner's own tracking link: what they share to earn. */}
          {isWebUrl(product.url) ? (
            <CopyButton
              text={product.url}
              label="Copy tracking link"
              idleText="Copy tracking link"
              className="menu-item"
            />
          ) : (
            <span className="menu-note">No tracking link received</span>
          )}
          {product.campaignId && brand ? (
            <ScopeWatchButton
              target={{ campaignId: product.campaignId }}
              scope={`everything from ${brand}`}
              className="menu-item"
            />
          ) : null}
          <ScopeWatchButton
            target={{ catalogId: product.catalogId }}
            scope={`everything in ${product.catalogName ?? `catalog ${product.catalogId}`}`}
            className="menu-item"
          />
        </>
      )}
    </Menu>
  );
}
