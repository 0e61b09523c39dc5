import { type ReactNode, useState } from 'react';
import type { ItemTarget, Watch } from '../../../../shared/contract/watch.js';
import { describeChange } from '../../../../shared/domain/describe.js';
import { formatPrice } from '../../../../shared/domain/money.js';
import { STOCK_LABELS } from '../../../../shared/domain/stock.js';
import { productKey } from '../../../../shared/domain/watch-target.js';
import { useApiClient, useUiEvents } from '../../api/ApiContext.js';
import { useLoad } from '../../api/useLoad.js';
import { ProductImage } from '../../components/ProductImage.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { useImpact } from '../../impact/ImpactContext.js';
import { describeTarget } from '../../impact/targetText.js';
import { brandText } from '../../lib/brandText.js';
import { productName } from '../../lib/productName.js';
import { hrefs } from '../../routing/routes.js';
import { describeRule } from '../../watch/defaultRules.js';
import { RulesEditor } from '../../watch/RulesEditor.js';
import { WatchActions } from '../../watch/WatchActions.js';
import { useWatches } from '../../watch/WatchesContext.js';
import { lastChange } from './lastChange.js';

/** A watch on one item: its product's current price and stock, and its last change. */
export function WatchRow({ watch, target }: { watch: Watch; target: ItemTarget }) {
  const { api } = useApiClient();
  const impact = useImpact();
  const key = productKey(target.catalogId, target.catalogItemId);
  // A watch may target an item nothing has mentioned yet: then there is no product to show.
  const detail = useLoad(() => api.product({ key }), [api, key]);
  useUiEvents((event) => {
    if (event.type === 'feed' && event.entries.some((entry) => entry.key === key)) detail.reload(true);
  });
  const product = detail.state.data?.product;
  const name = product ? productName(product) : target.catalogItemId;
  // Before any postback or check, the catalog list may still know whose item it is.
  const catalog = impact.catalogById.get(target.catalogId);
  const brand = product
    ? brandText(product)
    : catalog && brandText({ brandName: catalog.advertiserName, catalogName: catalog.name });
  const change = detail.state.data ? lastChange(detail.state.data.history) : null;

  const state = product ? (
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
    <span className="muted">{detail.state.status === 'loading' ? 'Loading…' : 'Not seen in a postback yet'}</span>
  );
  return (
    <WatchRowFrame watch={watch} name={name} image={product?.imageUrl} href={hrefs.product(key)} state={state}>
      {brand ? <span className="brand-name">{brand}</span> : null}
      {brand ? ' · ' : null}
      {describeTarget(target, impact).ids}
    </WatchRowFrame>
  );
}

interface WatchRowFrameProps {
  watch: Watch;
  /** what the watch is on, as the row's name */
  name: string;
  image: string | undefined;
  /** the product page, for a watch on one item */
  href: string | null;
  /** price and stock, or what is known instead */
  state: ReactNode;
  /** the secondary line: brand, catalog and ids */
  children: ReactNode;
}

/** What every watch row shows: what it is on, its rules, its state, and its actions (edit, mute, stop). */
export function WatchRowFrame({ watch, name, image, href, state, children }: WatchRowFrameProps) {
  const { update } = useWatches();
  const [editing, setEditing] = useState(false);
  return (
    <li className={`watch-row${watch.muted ? ' muted' : ''}`} data-testid="watch-row" aria-label={`Watch on ${name}`}>
      <div className="watch-summary">
        <ProductImage url={image} name={name} />
        <div className="watch-main">
          {href ? (
            <a className="watch-name" href={href}>
              {name}
            </a>
          ) : (
            <span className="watch-name">{name}</span>
          )}
          <p className="muted">
            {children}
            {watch.muted ? ' · muted' : ''}
          </p>
          <p className="watch-rules">{watch.rules.map(describeRule).join(' · ') || 'No rules'}</p>
        </div>
        <div className="watch-state">{state}</div>
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
