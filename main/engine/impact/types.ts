// The Partner API client's public shapes.
import type { Catalog, CatalogItem } from '../../../shared/contract/impact.js';
import type { EndpointGroup, RequestPriority } from './budget.js';
import type { ApiItem } from './mapping.js';
import type { ImpactLogger, RateLimitInfo } from './requester.js';
import type { GroupSchedule } from './scheduler.js';

export interface ImpactClientOptions {
  /** default https://api.impact.com (the caller reads SHELFWATCH_IMPACT_API_BASE) */
  baseUrl?: string;
  accountSid: string;
  authToken: string;
  fetch?: typeof fetch;
  /** epoch ms; drives the hourly budget */
  clock?: () => number;
  /** every wait (budget, Retry-After, backoff) goes through it */
  sleep?: (ms: number) => Promise<void>;
  /** [0, 1) for backoff jitter */
  random?: () => number;
  /** the share of each hourly limit we spend (default 0.5: the rest stays for the partner's other tools) */
  budgetShare?: number;
  log?: ImpactLogger;
  /** per request, headers and body (default 15 s) */
  timeoutMs?: number;
  /** an answer larger than this is refused (default 10 MB) */
  maxResponseBytes?: number;
  /** tries per request, including the first (default 5) */
  maxAttempts?: number;
}

export interface SearchQuery {
  keyword: string;
  /** only this catalog */
  catalogId?: string;
  /** `next` of the previous page */
  cursor?: string | null;
  /** default 50, at most 200 */
  pageSize?: number;
}

export interface Page<T> {
  items: T[];
  /** impact.com's @nextpageuri to follow verbatim for the next page; null on the last page */
  next: string | null;
}

/** How a call waits its turn: see RequestPriority ('background' work leaves part of the budget to 'interactive'). */
export interface CallOptions {
  priority?: RequestPriority;
}

export interface ItemRef {
  catalogId: string;
  catalogItemId: string;
  /** impact.com's Id when known (from a search or an earlier fetch): one request instead of a query */
  apiId?: string | null;
}

export type ImpactSchedule = Record<EndpointGroup, GroupSchedule>;

export interface ImpactClient {
  readonly accountSid: string;
  /** every catalog, all pages; also remembered for brand names in search results. Interactive priority */
  listCatalogs(): Promise<Catalog[]>;
  /** null when impact.com does not have it. Interactive priority */
  getCatalog(catalogId: string): Promise<Catalog | null>;
  /** one page of results per call. Interactive priority */
  searchItems(query: SearchQuery): Promise<Page<CatalogItem>>;
  /** the item's current state; null when impact.com no longer has it. Background priority unless told otherwise */
  getItem(ref: ItemRef, options?: CallOptions): Promise<ApiItem | null>;
  /** one page of a catalog's items, newest first. Background priority unless told otherwise */
  listCatalogItems(catalogId: string, cursor?: string | null, options?: CallOptions): Promise<Page<ApiItem>>;
  /** the hourly limit impact.com last reported (of `group`, else of the last answer that carried one) */
  rateLimit(group?: EndpointGroup): RateLimitInfo | null;
  /** per endpoint group: what the budget allows now and when waiting requests will go */
  schedule(): ImpactSchedule;
  /** brand names for search results from a cache, before (or instead of) listCatalogs() */
  primeCatalogs(catalogs: readonly Catalog[]): void;
  /** refuses waiting and later requests ('cancelled') and aborts those in flight */
  close(): void;
}
