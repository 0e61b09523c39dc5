// The fake's endpoints, after authentication and limits: what impact.com answers for each path under
// /Mediapartners/{SID}/.
import type { FakeCatalogData } from './catalog-data.js';
import { keywordMatcher, parseQuery, QuerySyntaxError } from './query-filter.js';
import { type Body, errorBody, numberedPage, pageUri } from './render.js';

export interface Answer {
  status: number;
  body: Body;
  /** a single resource: bare in JSON, wrapped in this element in XML */
  element?: 'Catalog' | 'Item';
}

const MAX_PAGE_SIZE = 200;
const DEFAULT_PAGE_SIZE = 100;
const notFound = (): Answer => ({ status: 404, body: errorBody('Resource not found') });

/** impact.com's parameter names are matched case-insensitively here. */
function param(params: URLSearchParams, name: string): string | undefined {
  for (const [key, value] of params) if (key.toLowerCase() === name.toLowerCase()) return value;
  return undefined;
}

/** Asking for 200 or more gives 200; nonsense gives the default. */
function pageSizeOf(params: URLSearchParams): number {
  const asked = Number(param(params, 'PageSize'));
  return Number.isInteger(asked) && asked > 0 ? Math.min(asked, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
}

function pageOf(params: URLSearchParams): number {
  const asked = Number(param(params, 'Page'));
  return Number.isInteger(asked) && asked > 0 ? asked : 1;
}

/** The opaque ItemSearch cursor: a creation number dressed like impact.com's (`g2wAAAAB…`). */
const encodeCursor = (seq: number) => `g2wAAAAB${Buffer.from(`seq:${seq}`).toString('base64url')}`;
function decodeCursor(cursor: string): number | undefined {
  const match = /^seq:(\d+)$/.exec(Buffer.from(cursor.replace(/^g2wAAAAB/, ''), 'base64url').toString());
  return match === null ? undefined : Number(match[1]);
}

function search(data: FakeCatalogData, path: string, params: URLSearchParams): Answer {
  const pageSize = pageSizeOf(params);
  const keyword = param(params, 'Keyword') ?? '';
  const cursor = param(params, 'AfterId');
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  if (cursor !== undefined && after === undefined) return { status: 400, body: errorBody('Invalid AfterId') };
  const matching = data.allItems().filter((item) => keywordMatcher(keyword)(item.record));
  const rest = after === undefined ? matching : matching.filter((item) => item.seq < after);
  const page = rest.slice(0, pageSize);
  const last = page.at(-1);
  const link = (afterId?: number) => {
    const linkParams = new URLSearchParams({ Keyword: keyword, PageSize: String(pageSize) });
    if (afterId !== undefined) linkParams.set('AfterId', encodeCursor(afterId));
    return `${path}?${linkParams}`;
  };
  return {
    status: 200,
    body: {
      // Cursor paging: no page count, and @total stuck at 0 as seen on real accounts.
      '@page': '1',
      '@numpages': '0',
      '@pagesize': String(pageSize),
      '@total': '0',
      '@start': '0',
      '@end': '0',
      '@uri': link(after),
      '@firstpageuri': link(),
      '@previouspageuri': '',
      '@nextpageuri': rest.length > pageSize && last !== undefined ? link(last.seq) : '',
      '@lastpageuri': '',
      Items: page.map((item) => item.record),
    },
  };
}

/**
 * How a catalog's item list links its pages: as impact.com does ('honest'), or broken the ways a walk must survive:
 * the next-page link repeats (page 2 names page 2 again), or never ends (every page names one more, empty ones too).
 */
export type FakePaging = 'honest' | 'repeat' | 'endless';

function items(
  data: FakeCatalogData,
  catalogId: string,
  path: string,
  params: URLSearchParams,
  paging: FakePaging,
): Answer {
  const all = data.itemRecords(catalogId);
  if (all === undefined) return notFound();
  const query = param(params, 'Query');
  let matching = all;
  if (query !== undefined && query.trim() !== '') {
    try {
      matching = all.filter(parseQuery(query));
    } catch (error) {
      if (!(error instanceof QuerySyntaxError)) throw error;
      return { status: 400, body: errorBody(error.message, [{ Field: 'Query', Message: 'Invalid syntax' }]) };
    }
  }
  const page = pageOf(params);
  const body = numberedPage('Items', matching, { path, params }, page, pageSizeOf(params));
  if (paging !== 'honest') {
    const next = paging === 'repeat' ? 2 : page + 1;
    body['@nextpageuri'] = pageUri({ path, params }, next, pageSizeOf(params));
  }
  return { status: 200, body };
}

/** `rest`: the path after /Mediapartners/{SID}/, its .json/.xml suffix removed, segments still encoded. */
export function answer(
  data: FakeCatalogData,
  rest: string,
  path: string,
  params: URLSearchParams,
  paging: FakePaging = 'honest',
): Answer {
  const segments = rest.split('/').map((s) => decodeURIComponent(s));
  const [first, catalogId, sub, itemId, ...extra] = segments;
  if (first !== 'Catalogs' || extra.length > 0) return notFound();
  if (catalogId === undefined) {
    const campaign = param(params, 'CampaignId');
    const all = data.catalogRecords().filter((c) => campaign === undefined || c.CampaignId === campaign);
    return { status: 200, body: numberedPage('Catalogs', all, { path, params }, pageOf(params), pageSizeOf(params)) };
  }
  if (catalogId === 'ItemSearch' && sub === undefined) return search(data, path, params);
  if (sub === undefined) {
    const catalog = data.catalogRecord(catalogId);
    return catalog === undefined ? notFound() : { status: 200, body: catalog, element: 'Catalog' };
  }
  if (sub !== 'Items') return notFound();
  if (itemId === undefined) return items(data, catalogId, path, params, paging);
  const item = data.itemById(catalogId, itemId);
  return item === undefined ? notFound() : { status: 200, body: item, element: 'Item' };
}
