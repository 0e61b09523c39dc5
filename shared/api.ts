// The UI API: one typed contract, two transports (IPC in the desktop face, HTTP + SSE in the server face).
// Every method is listed once in `API_ROUTES`; a method missing there is a compile error. Request types come from
// the schemas in shared/schema/requests.ts (each request is parsed with them before the method runs).

import type { Catalog, CatalogItem } from './impact-catalog.js';
import type {
  Device,
  FeedEntry,
  HistoryPoint,
  ProductSnapshot,
  ProductState,
  QuarantineEntry,
  Settings,
  Watch,
} from './model.js';
import type { AddedDevice } from './schema/devices.js';
import type { Status } from './schema/events.js';
import type { CatalogSearch, ConnectImpactAccount, ImpactAccount, ReconcileRequest } from './schema/impact.js';
import type {
  PageLinksPage,
  PageLinksQuery,
  PageRef,
  PageScanStatus,
  PagesPage,
  PagesQuery,
  Site,
} from './schema/pages.js';
import type { FeedQuery, MarkReadRequest, PreviewMappingRequest } from './schema/requests.js';
import type { SettingsPatch } from './schema/settings.js';
import type { WatchInput, WatchPatch } from './schema/watches.js';

export type { ApiErrorBody } from './api-error.js';
export type { Catalog, CatalogItem } from './impact-catalog.js';
export type { AddedDevice } from './schema/devices.js';
export type { Status, UiEvent } from './schema/events.js';
export type { ImpactAccount, ReconcileStatus } from './schema/impact.js';
export type {
  LinkedPages,
  PageItem,
  PageLinkItem,
  PageLinksPage,
  PageProduct,
  PageRef,
  PageScanStatus,
  PagesPage,
  Site,
} from './schema/pages.js';
export type { FeedQuery } from './schema/requests.js';
export type { SettingsPatch } from './schema/settings.js';
export type { WatchInput, WatchPatch } from './schema/watches.js';

export type FeedFilter = NonNullable<FeedQuery['filter']>;

export interface FeedPage {
  items: FeedEntry[];
  /** pass as `before` to get the next page; null at the end */
  next: string | null;
  /** how many entries match; null when counting would cost more than the page (a broad search) */
  total: number | null;
}

export interface ProductDetail {
  product: ProductState;
  history: HistoryPoint[];
  watches: Watch[];
  /** the partner's pages that link to it (by title); absent from a hub older than pages */
  pages?: PageRef[];
}

/** A setting whose stored value is not the one in force, because a flag or an environment variable overrides it. */
export interface SettingOverride {
  setting: 'receiver.host' | 'receiver.port';
  value: string | number;
  /** e.g. "--receiver-port" or "SHELFWATCH_RECEIVER_PORT" */
  setBy: string;
}

export interface Setup {
  postbackUrl: string;
  receiverHost: string;
  receiverPort: number;
  headerName: string;
  headerValue: string;
  templates: { jsonPost: string; getUrl: string };
  /** receiver settings in force that differ from the stored ones (the Settings view says so) */
  overrides: SettingOverride[];
  /** what the receiver answers a postback it took: the text for impact.com's "Success Response" field */
  successResponse: string;
}

export interface MappingPreview {
  /** the flat key → value record parsed from the raw request */
  fields: Record<string, string>;
  /** which canonical field each incoming key maps to (null when unmapped) */
  mappedTo: Record<string, string | null>;
  result: { kind: 'snapshot'; snapshot: ProductSnapshot } | { kind: 'test' } | { kind: 'unusable'; reason: string };
}

/** Request and response of every method. `void` request = no input. */
export interface ApiMethods {
  status: { req: undefined; res: Status };
  setup: { req: undefined; res: Setup };
  feed: { req: FeedQuery; res: FeedPage };
  markRead: { req: MarkReadRequest; res: { unread: number } };
  product: { req: { key: string }; res: ProductDetail };
  listWatches: { req: undefined; res: Watch[] };
  createWatch: { req: WatchInput; res: Watch };
  updateWatch: { req: { id: string } & WatchPatch; res: Watch };
  deleteWatch: { req: { id: string }; res: { deleted: boolean } };
  quarantine: { req: undefined; res: QuarantineEntry[] };
  reprocessQuarantine: { req: undefined; res: { reprocessed: number; remaining: number } };
  getSettings: { req: undefined; res: Settings };
  updateSettings: { req: SettingsPatch; res: Settings };
  regenerateSecret: { req: undefined; res: Setup };
  previewMapping: { req: PreviewMappingRequest; res: MappingPreview };
  addDevice: { req: { name: string }; res: AddedDevice };
  listDevices: { req: undefined; res: Device[] };
  revokeDevice: { req: { id: string }; res: { deleted: boolean } };
  getImpactAccount: { req: undefined; res: ImpactAccount };
  connectImpactAccount: { req: ConnectImpactAccount; res: ImpactAccount };
  disconnectImpactAccount: { req: undefined; res: ImpactAccount };
  listCatalogs: { req: undefined; res: Catalog[] };
  searchCatalog: { req: CatalogSearch; res: { items: CatalogItem[]; next: string | null } };
  reconcile: { req: ReconcileRequest; res: { total: number } };
  listSites: { req: undefined; res: { items: Site[] } };
  addSite: { req: { url: string }; res: Site };
  deleteSite: { req: { id: string }; res: { deleted: boolean } };
  scanSites: { req: undefined; res: PageScanStatus };
  listPages: { req: PagesQuery; res: PagesPage };
  pageLinks: { req: PageLinksQuery; res: PageLinksPage };
}

export type ApiMethod = keyof ApiMethods;
export type ApiRequest<M extends ApiMethod> = ApiMethods[M]['req'];
export type ApiResponse<M extends ApiMethod> = ApiMethods[M]['res'];

/** What the engine implements and what each transport's client exposes. */
export type UiApi = { [M in ApiMethod]: (req: ApiRequest<M>) => Promise<ApiResponse<M>> };

type HttpVerb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/**
 * `:name` segments are filled from the request field of that name (URL-encoded). `status`: what the HTTP transport
 * answers on success when it is not 200 (202: started, the result comes later).
 */
export const API_ROUTES: { [M in ApiMethod]: { verb: HttpVerb; path: string; status?: number } } = {
  status: { verb: 'GET', path: '/api/status' },
  setup: { verb: 'GET', path: '/api/setup' },
  feed: { verb: 'GET', path: '/api/feed' },
  markRead: { verb: 'POST', path: '/api/feed/read' },
  product: { verb: 'GET', path: '/api/products/:key' },
  listWatches: { verb: 'GET', path: '/api/watches' },
  createWatch: { verb: 'POST', path: '/api/watches' },
  updateWatch: { verb: 'PATCH', path: '/api/watches/:id' },
  deleteWatch: { verb: 'DELETE', path: '/api/watches/:id' },
  quarantine: { verb: 'GET', path: '/api/quarantine' },
  reprocessQuarantine: { verb: 'POST', path: '/api/quarantine/reprocess' },
  getSettings: { verb: 'GET', path: '/api/settings' },
  updateSettings: { verb: 'PATCH', path: '/api/settings' },
  regenerateSecret: { verb: 'POST', path: '/api/settings/secret' },
  previewMapping: { verb: 'POST', path: '/api/mapping/preview' },
  addDevice: { verb: 'POST', path: '/api/devices' },
  listDevices: { verb: 'GET', path: '/api/devices' },
  revokeDevice: { verb: 'DELETE', path: '/api/devices/:id' },
  getImpactAccount: { verb: 'GET', path: '/api/impact-account' },
  connectImpactAccount: { verb: 'PUT', path: '/api/impact-account' },
  disconnectImpactAccount: { verb: 'DELETE', path: '/api/impact-account' },
  listCatalogs: { verb: 'GET', path: '/api/catalogs' },
  searchCatalog: { verb: 'GET', path: '/api/catalog-search' },
  reconcile: { verb: 'POST', path: '/api/reconcile', status: 202 },
  listSites: { verb: 'GET', path: '/api/sites' },
  addSite: { verb: 'POST', path: '/api/sites', status: 201 },
  deleteSite: { verb: 'DELETE', path: '/api/sites/:id' },
  scanSites: { verb: 'POST', path: '/api/sites/scan', status: 202 },
  listPages: { verb: 'GET', path: '/api/pages' },
  pageLinks: { verb: 'GET', path: '/api/pages/links' },
};

/** Methods only this computer's own UI may call, never a device over the remote listener (it answers 403). */
export const ADMIN_METHODS: readonly ApiMethod[] = [
  'addDevice',
  'listDevices',
  'revokeDevice',
  'regenerateSecret',
  'connectImpactAccount',
  'disconnectImpactAccount',
  // sites make the hub fetch addresses: only the hub's own UI may name them
  'listSites',
  'addSite',
  'deleteSite',
  'scanSites',
];

/** Every method, in API_ROUTES order. */
export const API_METHODS = Object.keys(API_ROUTES) as ApiMethod[];
