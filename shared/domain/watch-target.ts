// What a watch's target covers, and product keys: the rules the engine's watch index and the UI's watch buttons share.
import type { ProductState } from '../contract/product.js';
import type { WatchTarget } from '../contract/watch.js';

export function productKey(catalogId: string, catalogItemId: string): string {
  return `${catalogId}:${catalogItemId}`;
}

/** The product key of a watch on one item; null for a watch on a whole catalog or brand. */
export function itemKeyOf(target: WatchTarget): string | null {
  return 'catalogItemId' in target ? productKey(target.catalogId, target.catalogItemId) : null;
}

/** Two targets that are the same thing to watch (one watch per target). */
export function sameTarget(a: WatchTarget, b: WatchTarget): boolean {
  const key = (target: WatchTarget) =>
    'linkedFromPages' in target
      ? 'pages'
      : 'campaignId' in target
        ? `campaign:${target.campaignId}`
        : (itemKeyOf(target) ?? `catalog:${target.catalogId}`);
  return key(a) === key(b);
}

/**
 * Whether a watch's target covers a product: the item itself, its whole catalog, its brand's campaign, or (a watch on
 * what the partner's pages link to) whether the last scan found a page linking to it.
 */
export function watchCovers(
  target: WatchTarget,
  product: Pick<ProductState, 'catalogId' | 'catalogItemId' | 'campaignId'>,
  linkedFromPages = false,
): boolean {
  if ('linkedFromPages' in target) return linkedFromPages;
  const wanted = target as { catalogId?: string; catalogItemId?: string; campaignId?: string };
  if (wanted.campaignId !== undefined) return wanted.campaignId === product.campaignId;
  if (wanted.catalogId !== product.catalogId) return false;
  return wanted.catalogItemId === undefined || wanted.catalogItemId === product.catalogItemId;
}
