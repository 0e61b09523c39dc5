// impact.com's Partner API client: the engine's only way in.
export type { Catalog, CatalogItem } from '../../../shared/contract/impact.js';
export { type EndpointGroup, endpointGroupOf, type RequestPriority } from './budget.js';
export { createImpactClient } from './client.js';
export { ImpactApiError, type ImpactErrorKind } from './errors.js';
export type { ApiItem } from './mapping.js';
export { maxPagesFor, PageWalk } from './page-walk.js';
export { type ImpactLogger, IR_VERSION, type RateLimitInfo } from './requester.js';
export type { GroupSchedule } from './scheduler.js';
export type {
  CallOptions,
  ImpactClient,
  ImpactClientOptions,
  ImpactSchedule,
  ItemRef,
  Page,
  SearchQuery,
} from './types.js';
