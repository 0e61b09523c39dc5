// The UI API: one typed contract, two transports (IPC in the desktop face, HTTP + SSE in the server face).
// Every method is listed once in `API_ROUTES`; a method missing there is a compile error.
import type {
  Device,
  FeedEntry,
  HistoryPoint,
  ProductSnapshot,
  ProductState,
  QuarantineEntry,
  RawRequest,
  Settings,
  Watch,
  WatchRule,
  WatchTarget,
} from './model.js';

export interface Status {
  receiver: {
    url: string;
    port: number;
    lastPostbackAt: string | null;
    received: number;
    /** repeated deliveries of a postback already applied (impact.com retries) */
    duplicates: number;
    quarantined: number;
    testPostbackAt: string | null;
    /** the storage fault that makes the receiver answer 503, if any */
    fault: string | null;
  };
  journal: { appliedSeq: number };
  unread: number;
  alertsPausedUntil: string | null;
  /** things the user should know once, e.g. "the store was corrupt and was rebuilt from the journal" */
  notices: string[];
  /** while a data folder of the previous version is upgraded: how far it got (products and feed entries) */
  upgrade?: { done: number; total: number } | null;
  /** the listener other devices follow this Shelfwatch on, when it runs one */
  remote?: { url: string; fingerprint: string | null } | null;
}

export type FeedFilter = 'all' | 'watched' | 'alerts';

export interface FeedQuery {
  limit?: number;
  /** a feed entry id: return entries older than it */
  before?: string;
  filter?: FeedFilter;
  q?: string;
}

export interface FeedPage {
  items: FeedEntry[];
  /** pass as `before` to get the next page; null at the end. A page may hold fewer than `limit` entries and still
   * have a next one: a filter the feed must be scanned for returns what it found within its time budget. */
  next: string | null;
  /** how many entries match; null when counting would cost more than the page (a broad search) */
  total: number | null;
}

export interface ProductDetail {
  product: ProductState;
  history: HistoryPoint[];
  watches: Watch[];
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
}

export interface WatchInput {
  target: WatchTarget;
  rules: WatchRule[];
  muted?: boolean;
}

export interface WatchPatch {
  rules?: WatchRule[];
  muted?: boolean;
}

export interface MappingPreview {
  /** the flat key → value record parsed from the raw request */
  fields: Record<string, string>;
  /** which canonical field each incoming key maps to (null when unmapped) */
  mappedTo: Record<string, string | null>;
  result: { kind: 'snapshot'; snapshot: ProductSnapshot } | { kind: 'test' } | { kind: 'unusable'; reason: string };
}

export type SettingsPatch = {
  [K in keyof Settings]?: Settings[K] extends object ? Partial<Settings[K]> | null : Settings[K];
};

/** A device just added: its one-time pairing code (also inside the link), valid until `expiresAt`. */
export interface AddedDevice {
  device: Device;
  pairingCode: string;
  /** shelfwatch://pair?hub=…&code=…&fp=… */
  pairingLink: string;
  expiresAt: string;
}

/** Request and response of every method. `void` request = no input. */
export interface ApiMethods {
  status: { req: undefined; res: Status };
  setup: { req: undefined; res: Setup };
  feed: { req: FeedQuery; res: FeedPage };
  markRead: { req: { ids?: string[]; all?: boolean }; res: { unread: number } };
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
  previewMapping: { req: { raw: RawRequest; mapping: Record<string, string> }; res: MappingPreview };
  addDevice: { req: { name: string }; res: AddedDevice };
  listDevices: { req: undefined; res: Device[] };
  revokeDevice: { req: { id: string }; res: { deleted: boolean } };
}

export type ApiMethod = keyof ApiMethods;
export type ApiRequest<M extends ApiMethod> = ApiMethods[M]['req'];
export type ApiResponse<M extends ApiMethod> = ApiMethods[M]['res'];

/** What the engine implements and what each transport's client exposes. */
export type UiApi = { [M in ApiMethod]: (req: ApiRequest<M>) => Promise<ApiResponse<M>> };

type HttpVerb = 'GET' | 'POST' | 'PATCH' | 'DELETE';
/** `:name` segments are filled from the request field of that name (URL-encoded). */
export const API_ROUTES: { [M in ApiMethod]: { verb: HttpVerb; path: string } } = {
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
};

/** Methods only this computer's own UI may call, never a device over the remote listener (it answers 403). */
export const ADMIN_METHODS: readonly ApiMethod[] = ['addDevice', 'listDevices', 'revokeDevice', 'regenerateSecret'];

/** Live events: SSE event names in the server face, one IPC channel in the desktop face. */
export type UiEvent =
  | { type: 'feed'; entries: FeedEntry[] }
  | { type: 'alert'; entries: FeedEntry[] }
  | { type: 'status'; status: Status };

export const IPC_EVENT_CHANNEL = 'shelfwatch:event';
export const ipcChannel = (method: ApiMethod): string => `shelfwatch:api:${method}`;

/** An API error with an HTTP status; the message is for the user. */
export interface ApiErrorBody {
  error: string;
}

/** The desktop face also exposes a few shell actions over the same bridge. */
export interface DesktopBridge {
  api: UiApi;
  onEvent(listener: (event: UiEvent) => void): () => void;
  openExternal(url: string): Promise<void>;
  copyText(text: string): Promise<void>;
  onNavigate(listener: (route: string) => void): () => void;
}
