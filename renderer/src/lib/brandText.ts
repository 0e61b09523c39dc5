import type { ProductState } from '../../../shared/contract/product.js';

/** "Acme Outdoor · Tents": the brand and catalog names once the catalogs are known; null before. */
export function brandText(names: Pick<ProductState, 'brandName' | 'catalogName'>): string | null {
  const parts = [names.brandName, names.catalogName].filter((part): part is string => !!part?.trim());
  // A catalog is often named after its brand: say it once.
  const unique = [...new Set(parts)];
  return unique.length > 0 ? unique.join(' · ') : null;
}
