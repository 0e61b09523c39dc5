// The UI API over the engine, as one device sees it: reads come from the store; changes are journaled first, then
// applied, then answered, so a change the UI saw succeed survives a crash like an acknowledged postback.
// Every method's request is parsed from unknown with its schema before the method runs (parseApiRequest): the
// methods below only ever see complete, typed requests, whichever transport (HTTP, IPC, the tray) called them.
// A method marked `admin` in shared/contract/routes.ts answers a device 403 before it runs.
import { randomUUID } from 'node:crypto';
import {
  type ApiResponse,
  mapUiApi,
  type ParsedRequest,
  parseApiRequest,
  type UiApi,
} from '../../../shared/contract/api.js';
import { ApiError } from '../../../shared/contract/errors.js';
import type { FeedView } from '../../../shared/contract/feed.js';
import { type ApiMethod, routeOf } from '../../../shared/contract/routes.js';
import { SECRET_SET_MASK } from '../../../shared/contract/secret-mask.js';
import type { Setup } from '../../../shared/contract/setup.js';
import type { Status } from '../../../shared/contract/status.js';
import type { Watch } from '../../../shared/contract/watch.js';
import { sameTarget } from '../../../shared/domain/watch-target.js';
import type { Backups } from '../backup/backups.js';
import type { Channels } from '../channels/index.js';
import { feedCsv } from '../export/feed-csv.js';
import { historyCsv } from '../export/history-csv.js';
import type { DeviceRegistry } from '../hub/devices.js';
import type { ImpactLink } from '../impact-link/link.js';
import { previewMapping, readPostback } from '../ingest/index.js';
import type { Command } from '../journal/record.js';
import { pagesMethods } from '../pages/pages-api.js';
import type { PageScanner } from '../pages/scan/page-scanner.js';
import { idOfPos } from '../store/db/feed.js';
import { publicState } from '../store/db/products.js';
import { LOCAL_DEVICE } from '../store/db/read-state.js';
import { queryFeed } from '../store/feed-page.js';
import { previewRetention } from '../store/retention-preview.js';
import type { Store } from '../store/store.js';
import { maskedSettings, splitHeaderValue } from './settings-secret.js';

export interface ServiceDeps {
  store: Store;
  backups: Pick<Backups, 'list' | 'backUpNow'>;
  devices: DeviceRegistry;
  impact: ImpactLink;
  /** the alert channels' methods (admin: a device gets 403 before they run) */
  channels: Channels['methods'];
  /** reads the partner's sites */
  pageScanner: PageScanner;
  /** journals the command and resolves once it is applied */
  run(command: Command): Promise<void>;
  status(device: string): Status;
  setup(): Setup;
  regenerateSecret(): Setup;
  /** the postback URL's secret, to keep it out of what a device is shown */
  secret(): string;
  /** the receiver's header secret, kept in the secrets file ('' for none) */
  headerValue(): string;
  /** writes it to the secrets file (durably) before it is in force */
  setHeaderValue(value: string): void;
  acknowledgeUrlChange(): void;
  clock(): number;
}

const HIDDEN = '•••';
/**
 * Settings that change how the hub receives and keeps data for everyone: a paired device may not change them (403).
 * Notifications, the alert pause and launch at login stay open to devices: a desktop following a hub keeps its own
 * (main/desktop/hub/device-settings.ts), a browser has no other place for them.
 */
const HUB_WIDE_SETTINGS = ['receiver', 'retention', 'mapping'] as const;
/** Pages a product page lists by title at most ("Linked from 120 of your pages" counts them all). */
const PRODUCT_PAGES_MAX = 100;

function withoutSecrets(setup: Setup, secret: string): Setup {
  const hide = (text: string) => text.split(secret).join(HIDDEN);
  return {
    ...setup,
    postbackUrl: hide(setup.postbackUrl),
    headerValue: setup.headerValue ? SECRET_SET_MASK : '',
    templates: { jsonPost: setup.templates.jsonPost, getUrl: hide(setup.templates.getUrl) },
  };
}

type ParsedApi = { [M in ApiMethod]: (req: ParsedRequest<M>) => Promise<ApiResponse<M>> };

/** The UI API as `device` sees it ("local": this computer's own UI; else a device following this hub). */
export function createService(deps: ServiceDeps, device: string): UiApi {
  const methods = serviceMethods(deps, device);
  return mapUiApi((method, req) => {
    const parsed = parseApiRequest(method, req);
    if (routeOf(method).admin) adminOnly(device);
    return methods[method](parsed);
  });
}

/**
 * Marks read what the view shows (every entry without a filter), up to the newest entry now: one that arrives while
 * the command is journaled was never shown. The answer names the batch for Undo when it marked any.
 */
async function markAllRead(deps: ServiceDeps, device: string, view: FeedView | undefined) {
  const { store } = deps;
  const newest = store.feed.newestPos();
  if (newest === null) return { unread: store.readState.unread(device), marked: 0 };
  const undoId = randomUUID();
  const filter = view?.filter !== undefined && view.filter !== 'all' ? { filter: view.filter } : {};
  const q = view?.q?.trim() ? { q: view.q.trim() } : {};
  const narrowed = { ...filter, ...q };
  await deps.run({
    kind: 'markRead',
    all: true,
    device,
    through: idOfPos(newest),
    undoId,
    ...(Object.keys(narrowed).length > 0 ? { filter: narrowed } : {}),
  });
  const batch = store.readBatches.last(device);
  const marked = batch?.id === undoId ? batch.marked : 0;
  return { unread: store.readState.unread(device), marked, ...(marked > 0 ? { undoId } : {}) };
}

/** What only this computer's own UI may do; a device over the remote listener gets 403. */
function adminOnly(device: string, message = 'Only the hub itself can do that.'): void {
  if (device !== LOCAL_DEVICE) throw new ApiError(403, message);
}

function serviceMethods(deps: ServiceDeps, device: string): ParsedApi {
  const { store, devices, impact } = deps;
  const findProduct = (key: string) => {
    const stored = store.products.byKey(key);
    if (!stored || stored.ghost) throw new ApiError(404, 'No postback has mentioned this product yet.');
    return stored;
  };
  const findWatch = (id: string): Watch => {
    const watch = store.docs.watches.find((candidate) => candidate.id === id);
    if (!watch) throw new ApiError(404, 'That watch no longer exists.');
    return watch;
  };

  return {
    status: async () => deps.status(device),
    // A device sees how the hub is set up, but not its secrets: with them it could post as impact.com.
    setup: async () => (device === LOCAL_DEVICE ? deps.setup() : withoutSecrets(deps.setup(), deps.secret())),
    feed: async (query) => queryFeed(store, { ...query, before: query.before || undefined }, device),
    markRead: async ({ ids, all, unread, filter }) => {
      if (all === true && unread === true) throw new ApiError(400, 'unread works with ids, not with all.');
      if (all === true) return markAllRead(deps, device, filter);
      if (filter !== undefined) throw new ApiError(400, 'filter goes with all: true (what "mark all read" marks).');
      if (ids && ids.length > 0) {
        await deps.run({ kind: 'markRead', ids, device, ...(unread === true ? { unread: true } : {}) });
      }
      return { unread: store.readState.unread(device) };
    },
    undoMarkRead: async ({ id }) => {
      if (store.readBatches.last(device)?.id !== id) {
        throw new ApiError(409, 'That can no longer be undone: entries were marked read again since.');
      }
      await deps.run({ kind: 'undoMarkRead', id, device });
      return { unread: store.readState.unread(device), restored: store.readBatches.last(device)?.restored ?? 0 };
    },
    exportFeed: async (view) => feedCsv(store, view, device, deps.clock()),
    product: async ({ key }) => {
      const stored = findProduct(key);
      const product = store.named(publicState(stored));
      const history = store.products.history(stored.id, store.settings.retention.historyPerProduct);
      const pages = store.pageIndex.query.linkingTo(product.key, PRODUCT_PAGES_MAX).items;
      return { product, history, watches: store.itemWatches(product.key), pages };
    },
    exportHistory: async ({ key }) => {
      const stored = findProduct(key);
      return historyCsv(stored, store.products.history(stored.id, store.settings.retention.historyPerProduct));
    },
    listWatches: async () => store.docs.watches,
    createWatch: async (input) => {
      if (store.docs.watches.some((watch) => sameTarget(watch.target, input.target))) {
        throw new ApiError(409, 'This is already on your watchlist.');
      }
      const watch: Watch = {
        id: randomUUID(),
        target: input.target,
        rules: input.rules,
        muted: input.muted ?? false,
        createdAt: new Date(deps.clock()).toISOString(),
      };
      await deps.run({ kind: 'createWatch', watch });
      impact.watched(watch.target);
      return findWatch(watch.id);
    },
    updateWatch: async ({ id, ...patch }) => {
      findWatch(id);
      await deps.run({ kind: 'updateWatch', id, patch });
      return findWatch(id);
    },
    deleteWatch: async ({ id }) => {
      const exists = store.docs.watches.some((watch) => watch.id === id);
      if (exists) await deps.run({ kind: 'deleteWatch', id });
      return { deleted: exists };
    },
    quarantine: async () => store.quarantine.list().reverse(),
    reprocessQuarantine: async () => {
      const before = store.quarantine.count();
      if (before > 0) await deps.run({ kind: 'reprocessQuarantine' });
      const remaining = store.quarantine.count();
      return { reprocessed: before - remaining, remaining };
    },
    dismissQuarantine: async ({ ids }) => {
      const before = store.quarantine.count();
      // "All" is what the user saw: a postback quarantined after they asked stays.
      const through = store.quarantine.newestSeq();
      if (ids === undefined && through !== null) await deps.run({ kind: 'dismissQuarantine', through });
      if (ids && ids.length > 0) await deps.run({ kind: 'dismissQuarantine', seqs: ids.map(Number) });
      const remaining = store.quarantine.count();
      return { dismissed: Math.max(0, before - remaining), remaining };
    },
    getSettings: async () => maskedSettings(store.settings, deps.headerValue()),
    updateSettings: async (patch) => {
      if (HUB_WIDE_SETTINGS.some((group) => patch[group] !== undefined)) {
        adminOnly(device, 'Only the hub itself can change the receiver, the retention or the field mapping.');
      }
      // The header value goes to the secrets file first, never to the journal; undone if the rest cannot be saved.
      const { headerValue, rest } = splitHeaderValue(patch);
      const before = deps.headerValue();
      if (headerValue !== undefined) deps.setHeaderValue(headerValue);
      try {
        if (rest) await deps.run({ kind: 'updateSettings', patch: rest });
      } catch (error) {
        if (headerValue !== undefined) deps.setHeaderValue(before);
        throw error;
      }
      return maskedSettings(store.settings, deps.headerValue());
    },
    previewRetention: async (next) => previewRetention(store, next),
    regenerateSecret: async () => deps.regenerateSecret(),
    acknowledgeUrlChange: async () => {
      deps.acknowledgeUrlChange();
      return deps.status(device);
    },
    previewMapping: async ({ raw, mapping }) => {
      const request = {
        method: raw.method ?? 'POST',
        contentType: raw.contentType ?? '',
        query: raw.query,
        body: raw.body,
      };
      const { fields, result } = readPostback({ ...request, headers: {} }, mapping);
      return { fields, mappedTo: previewMapping(fields, mapping), result };
    },
    addDevice: async ({ name }) => devices.add(name),
    listDevices: async () => devices.list(),
    revokeDevice: async ({ id }) => ({ deleted: await devices.revoke(id) }),
    getImpactAccount: async () => impact.account(),
    connectImpactAccount: async (credentials) => impact.connect(credentials),
    disconnectImpactAccount: async () => impact.disconnect(),
    listCatalogs: async () => store.docs.catalogs,
    searchCatalog: async ({ q, catalogId, cursor }) => impact.search(q, catalogId, cursor),
    reconcile: async ({ keys }) => impact.reconcile(keys),
    ...deps.channels,
    listBackups: async () => deps.backups.list(),
    backUpNow: async () => {
      await deps.backups.backUpNow().catch(() => {
        throw new ApiError(503, deps.backups.list().lastError ?? 'The backup could not be made.');
      });
      return deps.backups.list();
    },
    ...pagesMethods({ store, scanner: deps.pageScanner, run: deps.run, clock: deps.clock }),
  };
}
