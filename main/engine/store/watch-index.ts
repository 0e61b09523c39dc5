// Which watches look at a product: one item, a whole catalog, a whole brand (campaign), or everything the partner's
// pages link to. Rebuilt when watches change; a lookup is three map reads (and, with a pages watch, one question).
import type { ProductState } from '../../../shared/contract/product.js';
import type { Watch } from '../../../shared/contract/watch.js';
import { productKey } from '../../../shared/domain/watch-target.js';

export class WatchIndex {
  private byKey = new Map<string, Watch[]>();
  private byCatalog = new Map<string, Watch[]>();
  private byCampaign = new Map<string, Watch[]>();
  /** watches on `{ linkedFromPages: true }` (one at most: one watch per target) */
  readonly onLinkedPages: Watch[] = [];

  constructor(watches: readonly Watch[]) {
    for (const watch of watches) {
      if ('linkedFromPages' in watch.target) {
        this.onLinkedPages.push(watch);
        continue;
      }
      const target = watch.target as { catalogId?: string; catalogItemId?: string; campaignId?: string };
      if (target.catalogId !== undefined && target.catalogItemId !== undefined) {
        add(this.byKey, productKey(target.catalogId, target.catalogItemId), watch);
      } else if (target.catalogId !== undefined) {
        add(this.byCatalog, target.catalogId, watch);
      } else if (target.campaignId !== undefined) {
        add(this.byCampaign, target.campaignId, watch);
      }
    }
  }

  /** `isLinked` is asked only when a watch is on what the pages link to. */
  watchesFor(product: Pick<ProductState, 'key' | 'catalogId' | 'campaignId'>, isLinked: () => boolean): Watch[] {
    const item = this.byKey.get(product.key) ?? [];
    const catalog = this.byCatalog.get(product.catalogId) ?? [];
    const campaign = product.campaignId === undefined ? [] : (this.byCampaign.get(product.campaignId) ?? []);
    const pages = this.onLinkedPages.length > 0 && isLinked() ? this.onLinkedPages : [];
    return catalog.length === 0 && campaign.length === 0 && pages.length === 0
      ? item
      : [...item, ...catalog, ...campaign, ...pages];
  }

  /** The item watch on exactly this product, if any (the product page and the watch buttons show it). */
  itemWatches(key: string): Watch[] {
    return this.byKey.get(key) ?? [];
  }

  get itemKeys(): IterableIterator<string> {
    return this.byKey.keys();
  }

  get catalogIds(): string[] {
    return [...this.byCatalog.keys()];
  }

  get campaignIds(): string[] {
    return [...this.byCampaign.keys()];
  }
}

function add(map: Map<string, Watch[]>, key: string, watch: Watch): void {
  const list = map.get(key);
  if (list) list.push(watch);
  else map.set(key, [watch]);
}
