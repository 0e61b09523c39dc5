// impact.com's Partner API client: the engine's only way in.
export type { Catalog, CatalogItem } from '../../../shared/impact-catalog.js';
export { type EndpointGroup, endpointGroupOf } from './budget.js';
export {
  createImpactClient,
  type ImpactClient,
  type ImpactClientOptions,
  type ImpactSchedule,
  type ItemRef,
  type Page,
  type SearchQuery,
} from './client.js';
export { ImpactApiError, type ImpactErrorKind } from './errors.js';
export type { ApiItem } from './mapping.js';
export { type ImpactLogger, IR_VERSION, type RateLimitInfo } from './requester.js';
export type { GroupSchedule } from './scheduler.js';
