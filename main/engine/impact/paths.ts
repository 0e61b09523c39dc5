// The Partner API paths the client asks for. Page sizes never exceed impact.com's cap of 200.

export const MAX_PAGE_SIZE = 200;

/**
 * A string literal in impact.com's `Query` language: single quotes around it, a quote inside doubled. impact.com
 * documents the quotes but not the escape; doubling is the SQL convention its operators follow, and getItem()
 * checks the answer's CatalogItemId anyway, so a looser match can never return the wrong item.
 */
export function queryString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function clampPageSize(size: number): number {
  return Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(size)));
}

const segment = encodeURIComponent;

export function partnerPaths(accountSid: string) {
  const root = `/Mediapartners/${segment(accountSid)}`;
  return {
    /** Where every next-page link and search cursor of this account starts. */
    root,
    catalogs: () => `${root}/Catalogs?PageSize=${MAX_PAGE_SIZE}`,
    catalog: (catalogId: string) => `${root}/Catalogs/${segment(catalogId)}`,
    items: (catalogId: string, query?: string, pageSize = MAX_PAGE_SIZE) => {
      const filter = query === undefined ? '' : `Query=${segment(query)}&`;
      return `${root}/Catalogs/${segment(catalogId)}/Items?${filter}PageSize=${clampPageSize(pageSize)}`;
    },
    item: (catalogId: string, apiId: string) => `${root}/Catalogs/${segment(catalogId)}/Items/${segment(apiId)}`,
    search: (keyword: string, pageSize: number) =>
      `${root}/Catalogs/ItemSearch?Keyword=${segment(keyword)}&PageSize=${clampPageSize(pageSize)}`,
  };
}

/**
 * A cursor handed back by the UI must be one of this account's catalog links: it is followed with the credentials,
 * so nothing else may be smuggled in.
 */
export function isOwnCatalogLink(link: string, root: string): boolean {
  return link.startsWith(`${root}/Catalogs/`) && !link.includes('..') && !/[\r\n]/.test(link);
}
