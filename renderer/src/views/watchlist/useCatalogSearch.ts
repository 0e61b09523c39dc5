// Search results from impact.com, a page at a time: a new query or catalog starts over, `loadMore` follows `next`.
import type { CatalogItem } from '../../../../shared/contract/impact.js';
import { productKey } from '../../../../shared/domain/watch-target.js';
import { useApiClient } from '../../api/ApiContext.js';
import { usePager } from '../../api/usePager.js';

const keyOf = (item: CatalogItem) => productKey(item.catalogId, item.catalogItemId);

export function useCatalogSearch(q: string, catalogId: string) {
  const { api } = useApiClient();
  // Without words, impact.com would list every catalog's items: only a chosen catalog is listed whole.
  const asked = Boolean(q || catalogId);
  const pager = usePager(
    {
      load: (cursor) => api.searchCatalog({ q, ...(catalogId ? { catalogId } : {}), ...(cursor ? { cursor } : {}) }),
      enabled: asked,
      keyOf,
    },
    [api, q, catalogId],
  );
  /** nothing asked yet (no words and no catalog) */
  return { ...pager, idle: !asked };
}
