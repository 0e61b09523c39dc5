// Which watches look at a product, and the ids of every product some watch covers (the "watched" view). The index
// follows the watches (documents); the id set is a cache of a database question, so it follows the products too:
// a product saved for the first time or moved to another program joins or leaves it, and a transaction that
// rolls back drops it (it is asked again when next needed).
import type { ProductState } from '../../../shared/contract/product.js';
import type { Watch } from '../../../shared/contract/watch.js';
import type { TransactionParticipant } from './db/unit-of-work.js';
import type { WatchedQuery } from './db/watched-query.js';
import { WatchIndex } from './watch-index.js';

type Coverable = Pick<ProductState, 'key' | 'catalogId' | 'campaignId'>;

export class WatchedProducts implements TransactionParticipant {
  private index: WatchIndex;
  private ids: Set<number> | null = null;

  constructor(
    private readonly query: WatchedQuery,
    /** whether the partner's pages link to the product (asked only when a watch is on them) */
    private readonly isLinked: (key: string) => boolean,
    watches: readonly Watch[],
  ) {
    this.index = new WatchIndex(watches);
  }

  watchesFor(product: Coverable): Watch[] {
    return this.index.watchesFor(product, () => this.isLinked(product.key));
  }

  itemWatches(key: string): Watch[] {
    return this.index.itemWatches(key);
  }

  /** The watches changed: index them again (and, lazily, the set of watched products). */
  watchesChanged(watches: readonly Watch[]): void {
    this.index = new WatchIndex(watches);
    this.ids = null;
  }

  /** The products the pages link to changed (a linkedProducts command). */
  linkedProductsChanged(): void {
    if (this.index.onLinkedPages.length > 0) this.ids = null;
  }

  /** A product was saved for the first time, or with another program (campaign) id: it may join or leave the set. */
  productCoverageMayChange(product: Coverable & { id: number }): void {
    if (!this.ids) return;
    if (this.watchesFor(product).length > 0) this.ids.add(product.id);
    else this.ids.delete(product.id);
  }

  /** Ids of every product some watch covers. */
  productIds(): Set<number> {
    this.ids ??= new Set(
      this.query.ids({
        itemKeys: this.index.itemKeys,
        catalogIds: this.index.catalogIds,
        campaignIds: this.index.campaignIds,
        linkedFromPages: this.index.onLinkedPages.length > 0,
      }),
    );
    return this.ids;
  }

  rolledBack(): void {
    this.ids = null;
  }
}
