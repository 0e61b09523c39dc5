import type { ProductState } from '../../../shared/contract/product.js';

/** Brands do not always send a name (a Delete often carries only ids): fall back to the item id. */
export function productName(product: Pick<ProductState, 'name' | 'catalogItemId'>): string {
  const name = product.name?.trim();
  return name ? name : product.catalogItemId;
}
