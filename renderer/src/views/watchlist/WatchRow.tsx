import { useState } from 'react';
import { describeChange } from '../../../../shared/describe.js';
import type { Watch, WatchTarget } from '../../../../shared/model.js';
import { formatPrice } from '../../../../shared/money.js';
import { STOCK_LABELS } from '../../../../shared/stock.js';
import { useApiClient, useUiEvents } from '../../api/ApiContext.js';
import { useLoad } from '../../api/useLoad.js';
import { ProductImage } from '../../components/ProductImage.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { productName } from '../../lib/productName.js';
import { hrefs } from '../../routing/routes.js';
import { describeRule } from '../../watch/defaultRules.js';
import { RulesEditor } from '../../watch/RulesEditor.js';
import { WatchActions } from '../../watch/WatchActions.js';
import { useWatches, watchKey } from '../../watch/WatchesContext.js';
import { lastChange } from './lastChange.js';

export function WatchRow({ watch }: { watch: Watch }) {
  const { api } = useApiClient();
  const { update } = useWatches();
  const key = watchKey(watch);
  const [editing, setEditing] = useState(false);
  // A watch may target an item no postback has mentioned yet: then there is no product to show.
  const detail = useLoad(() => api.product({ key }), [api, key]);
  useUiEvents((event) => {
    if (event.type === 'feed' && event.entries.some((entry) => entry.key === key)) detail.reload(true);
  });
  const product = detail.state.data?.product;
  const name = product ? productName(product) : targetLabel(watch.target);
  const change = detail.state.data ? lastChange(detail.state.data.history) : null;

  return (
    <li className={`watch-row${watch.muted ? ' muted' : ''}`} data-testid="watch-row" aria-label={`Watch on ${name}`}>
      <div className="watch-summary">
        <ProductImage url={product?.imageUrl} name={name} />
        <div className="watch-main">
          <a className="watch-name" href={hrefs.product(key)}>
            {name}
          </a>
          <p className="muted">
            {targetIds(watch.target)}
            {watch.muted ? ' · muted' : ''}
          </p>
          <p className="watch-rules">{watch.rules.map(describeRule).join(' · ') || 'No rules'}</p>
        </div>
        <div className="watch-state">
          {product ? (
            <>
              <span className="number">
                {product.currentPrice === undefined ? '—' : formatPrice(product.currentPrice, product.currency)}
              </span>
              <span>{product.removed ? 'Removed' : STOCK_LABELS[product.stockAvailability]}</span>
              {change ? (
                <span className="muted">
                  {change.changes.map((c) => describeChange(c, product)).join(', ')} · <RelativeTime iso={change.at} />
                </span>
              ) : null}
            </>
          ) : (
            <span className="muted">
              {detail.state.status === 'loading' ? 'Loading…' : 'Not seen in a postback yet'}
            </span>
          )}
        </div>
        <div className="watch-actions">
          <button
            type="button"
            className="button small"
            aria-expanded={editing}
            aria-label={`Edit rules for ${name}`}
            onClick={() => setEditing(!editing)}
          >
            {editing ? 'Close' : 'Edit'}
          </button>
          <WatchActions watch={watch} subject={name} />
        </div>
      </div>
      {editing ? (
        <RulesEditor rules={watch.rules} subject={name} onSave={(rules) => update(watch.id, { rules })} />
      ) : null}
    </li>
  );
}

/** What a watch covers, in words: an item no postback has named yet, a whole catalog, or a whole brand. */
function targetLabel(target: WatchTarget): string {
  if ('campaignId' in target) return `Everything from brand (campaign ${target.campaignId})`;
  if ('catalogItemId' in target) return target.catalogItemId;
  return `Everything in catalog ${target.catalogId}`;
}

function targetIds(target: WatchTarget): string {
  if ('campaignId' in target) return `Campaign ${target.campaignId}`;
  if ('catalogItemId' in target) return `Item ${target.catalogItemId} · catalog ${target.catalogId}`;
  return `Catalog ${target.catalogId}`;
}
