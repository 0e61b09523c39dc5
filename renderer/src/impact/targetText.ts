// What a watch target is, in words a partner uses: the brand and catalog names once the catalogs are known, the ids
// as secondary text (and as the only text before they are).
import type { Catalog } from '../../../shared/contract/impact.js';
import type { WatchTarget } from '../../../shared/contract/watch.js';
import { brandOf } from './ImpactContext.js';

/** A watch on a whole catalog or a whole brand, rather than one item. */
export type ScopeTarget = Exclude<WatchTarget, { catalogItemId: string }>;

export interface TargetText {
  /** "Everything from Acme Outdoor", "Everything in Tents (Acme Outdoor)", or an item's id */
  title: string;
  /** "Campaign 4521", "Catalog 24836 · 512 items", "Item TENT-2P · catalog 24836" */
  ids: string;
}

export interface CatalogNames {
  catalogById: Map<string, Catalog>;
  brandOfCampaign: (campaignId: string) => string | null;
}

export function describeTarget(target: WatchTarget, names: CatalogNames): TargetText {
  if ('linkedFromPages' in target) {
    return { title: 'Everything your pages link to', ids: 'Follows each scan of your sites' };
  }
  if ('campaignId' in target) {
    const brand = names.brandOfCampaign(target.campaignId);
    return {
      title: `Everything from ${brand ?? `campaign ${target.campaignId}`}`,
      ids: `Campaign ${target.campaignId}`,
    };
  }
  if ('catalogItemId' in target) {
    return { title: target.catalogItemId, ids: `Item ${target.catalogItemId} · catalog ${target.catalogId}` };
  }
  const catalog = names.catalogById.get(target.catalogId);
  if (!catalog) return { title: `Everything in catalog ${target.catalogId}`, ids: `Catalog ${target.catalogId}` };
  const count = catalog.numberOfItems === null ? '' : ` · ${itemCount(catalog.numberOfItems)}`;
  return {
    title: `Everything in ${catalog.name} (${brandOf(catalog)})`,
    ids: `Catalog ${target.catalogId}${count}`,
  };
}

export function itemCount(count: number): string {
  return `${count.toLocaleString()} ${count === 1 ? 'item' : 'items'}`;
}
