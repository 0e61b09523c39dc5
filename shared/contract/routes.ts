// The UI API's methods and how HTTP reaches each one. This file is the list of methods: a method exists when it has a
// line here, and a method without its schemas (methods.ts) or its service function is a compile error.
// No zod and no imports at run time: the preload (main/preload.ts) bundles this file.

type HttpVerb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRoute {
  verb: HttpVerb;
  /** `:name` segments are filled from the request field of that name (URL-encoded) */
  path: string;
  /** only this computer's own UI may call it, never a device over the hub's remote listener (it answers 403) */
  admin?: true;
  /** what the HTTP transport answers on success when it is not 200 (202: started, the result comes later) */
  status?: number;
}

export const API_ROUTES = {
  status: { verb: 'GET', path: '/api/status' },
  setup: { verb: 'GET', path: '/api/setup' },
  feed: { verb: 'GET', path: '/api/feed' },
  markRead: { verb: 'POST', path: '/api/feed/read' },
  /** takes back the device's newest "mark all read" */
  undoMarkRead: { verb: 'POST', path: '/api/feed/read/undo' },
  /** the feed as CSV, with the view's filter and search */
  exportFeed: { verb: 'GET', path: '/api/export/feed' },
  product: { verb: 'GET', path: '/api/products/:key' },
  /** a product's history as CSV */
  exportHistory: { verb: 'GET', path: '/api/export/products/:key' },
  listWatches: { verb: 'GET', path: '/api/watches' },
  createWatch: { verb: 'POST', path: '/api/watches' },
  updateWatch: { verb: 'PATCH', path: '/api/watches/:id' },
  deleteWatch: { verb: 'DELETE', path: '/api/watches/:id' },
  quarantine: { verb: 'GET', path: '/api/quarantine' },
  reprocessQuarantine: { verb: 'POST', path: '/api/quarantine/reprocess' },
  /** the entries named, or all of them */
  dismissQuarantine: { verb: 'POST', path: '/api/quarantine/dismiss' },
  getSettings: { verb: 'GET', path: '/api/settings' },
  updateSettings: { verb: 'PATCH', path: '/api/settings' },
  /** what lowering retention would delete, before it is saved */
  previewRetention: { verb: 'GET', path: '/api/settings/retention-preview', admin: true },
  regenerateSecret: { verb: 'POST', path: '/api/settings/secret', admin: true },
  /** the user saw that the postback URL changed (both secrets files were lost) and updated impact.com */
  acknowledgeUrlChange: { verb: 'POST', path: '/api/setup/url-change/acknowledge', admin: true },
  previewMapping: { verb: 'POST', path: '/api/mapping/preview' },
  addDevice: { verb: 'POST', path: '/api/devices', admin: true },
  listDevices: { verb: 'GET', path: '/api/devices', admin: true },
  revokeDevice: { verb: 'DELETE', path: '/api/devices/:id', admin: true },
  getImpactAccount: { verb: 'GET', path: '/api/impact-account' },
  connectImpactAccount: { verb: 'PUT', path: '/api/impact-account', admin: true },
  disconnectImpactAccount: { verb: 'DELETE', path: '/api/impact-account', admin: true },
  listCatalogs: { verb: 'GET', path: '/api/catalogs' },
  searchCatalog: { verb: 'GET', path: '/api/catalog-search' },
  reconcile: { verb: 'POST', path: '/api/reconcile', status: 202 },
  // Alert channels hold credentials and send on the hub's behalf: the hub's own UI manages them.
  listChannels: { verb: 'GET', path: '/api/channels', admin: true },
  createChannel: { verb: 'POST', path: '/api/channels', admin: true, status: 201 },
  updateChannel: { verb: 'PATCH', path: '/api/channels/:id', admin: true },
  deleteChannel: { verb: 'DELETE', path: '/api/channels/:id', admin: true },
  /** sends a test message now: answers once the target took it, or 502 with its answer in words */
  testChannel: { verb: 'POST', path: '/api/channels/:id/test', admin: true },
  listBackups: { verb: 'GET', path: '/api/backups', admin: true },
  /** makes a backup now; answers the list with it */
  backUpNow: { verb: 'POST', path: '/api/backups', admin: true },
  // the partner's sites and pages (issue 18); sites make the hub fetch addresses: only the hub's own UI names them
  listSites: { verb: 'GET', path: '/api/sites', admin: true },
  addSite: { verb: 'POST', path: '/api/sites', admin: true, status: 201 },
  deleteSite: { verb: 'DELETE', path: '/api/sites/:id', admin: true },
  scanSites: { verb: 'POST', path: '/api/sites/scan', admin: true, status: 202 },
  listPages: { verb: 'GET', path: '/api/pages' },
  pageLinks: { verb: 'GET', path: '/api/pages/links' },
} as const satisfies Record<string, ApiRoute>;

export type ApiMethod = keyof typeof API_ROUTES;

/** Every method, in API_ROUTES order. */
export const API_METHODS = Object.keys(API_ROUTES) as ApiMethod[];

export function routeOf(method: ApiMethod): ApiRoute {
  return API_ROUTES[method];
}

/** Live events (Server-Sent Events); not a UI API method, so not in API_ROUTES. */
export const EVENTS_PATH = '/api/events';
/** Trades the bearer token for a single-use ticket that opens the event stream (EventSource cannot send headers). */
export const EVENTS_TICKET_PATH = '/api/events/ticket';
/** The hub's remote listener: trade a one-time pairing code for a device token. */
export const PAIR_PATH = '/api/pair';

/**
 * A table with one entry per method, each made by `make`: how a table of methods (a UiApi, the preload's bridge) is
 * built in one place instead of a loop and a cast in every transport. TypeScript cannot follow a loop's method into
 * the entry's type, so the table is taken to be `T` here, once: mapUiApi (api.ts) types `make` for its callers.
 */
export function methodTable<T extends { [M in ApiMethod]: unknown }>(make: (method: ApiMethod) => unknown): T {
  return Object.fromEntries(API_METHODS.map((method) => [method, make(method)])) as T;
}
