// The UI API over the engine, as one device sees it: reads come from the store; changes are journaled first, then
// applied, then answered, so a change the UI saw succeed survives a crash like an acknowledged postback.
import { randomUUID } from 'node:crypto';
import type { Setup, Status, UiApi } from '../../../shared/api.js';
import { productKey, type Watch } from '../../../shared/model.js';
import type { DeviceRegistry } from '../hub/devices.js';
import { normalize, parseRequest, previewMapping } from '../ingest/index.js';
import type { Command } from '../journal/record.js';
import { idOfPos } from '../store/db/feed.js';
import { publicState } from '../store/db/products.js';
import { LOCAL_DEVICE } from '../store/db/read-state.js';
import { queryFeed } from '../store/feed-page.js';
import type { Store } from '../store/store.js';
import { ApiError } from './api-error.js';
import { validateSettingsPatch, validateWatchInput, validateWatchPatch } from './validate.js';

export interface ServiceDeps {
  store: Store;
  devices: DeviceRegistry;
  /** journals the command and resolves once it is applied */
  run(command: Command): Promise<void>;
  status(device: string): Status;
  setup(): Setup;
  regenerateSecret(): Setup;
  clock(): number;
}

export function createService(deps: ServiceDeps, device: string): UiApi {
  const { store, devices } = deps;
  /** What only this computer's own UI may do; a device over the remote listener gets 403. */
  const adminOnly = () => {
    if (device !== LOCAL_DEVICE) throw new ApiError(403, 'Only the hub itself can do that.');
  };
  const findWatch = (id: string): Watch => {
    const watch = store.docs.watches.find((candidate) => candidate.id === id);
    if (!watch) throw new ApiError(404, 'That watch no longer exists.');
    return watch;
  };

  return {
    status: async () => deps.status(device),
    setup: async () => deps.setup(),
    feed: async (query) => queryFeed(store, parseFeedQuery((query ?? {}) as Record<string, unknown>), device),
    markRead: async (req) => {
      const ids = Array.isArray(req?.ids) ? req.ids.filter((id) => typeof id === 'string').slice(0, 10_000) : [];
      if (req?.all === true) {
        const newest = store.feed.newestPos();
        if (newest !== null) await deps.run({ kind: 'markRead', all: true, device, through: idOfPos(newest) });
      } else if (ids.length > 0) await deps.run({ kind: 'markRead', ids, device });
      return { unread: store.readState.unread(device) };
    },
    product: async ({ key }) => {
      const stored = store.products.byKey(String(key));
      if (!stored || stored.ghost) throw new ApiError(404, 'No postback has mentioned this product yet.');
      const product = publicState(stored);
      const history = store.products.history(stored.id, store.settings.retention.historyPerProduct);
      return { product, history, watches: store.itemWatches(product.key) };
    },
    listWatches: async () => store.docs.watches,
    createWatch: async (input) => {
      const valid = validateWatchInput(input);
      const key = productKey(valid.target.catalogId, valid.target.catalogItemId);
      if (store.itemWatches(key).length > 0) throw new ApiError(409, 'This product is already on your watchlist.');
      const watch: Watch = {
        id: randomUUID(),
        target: valid.target,
        rules: valid.rules,
        muted: valid.muted ?? false,
        createdAt: new Date(deps.clock()).toISOString(),
      };
      await deps.run({ kind: 'createWatch', watch });
      return findWatch(watch.id);
    },
    updateWatch: async ({ id, ...patch }) => {
      findWatch(String(id));
      await deps.run({ kind: 'updateWatch', id: String(id), patch: validateWatchPatch(patch) });
      return findWatch(String(id));
    },
    deleteWatch: async ({ id }) => {
      const exists = store.docs.watches.some((watch) => watch.id === id);
      if (exists) await deps.run({ kind: 'deleteWatch', id: String(id) });
      return { deleted: exists };
    },
    quarantine: async () => store.quarantine.list().reverse(),
    reprocessQuarantine: async () => {
      const before = store.quarantine.count();
      if (before > 0) await deps.run({ kind: 'reprocessQuarantine' });
      const remaining = store.quarantine.count();
      return { reprocessed: before - remaining, remaining };
    },
    getSettings: async () => store.settings,
    updateSettings: async (patch) => {
      if (patch && typeof patch === 'object' && 'receiver' in patch) adminOnly();
      await deps.run({ kind: 'updateSettings', patch: validateSettingsPatch(patch) });
      return store.settings;
    },
    regenerateSecret: async () => {
      adminOnly();
      return deps.regenerateSecret();
    },
    previewMapping: async ({ raw, mapping }) => {
      if (typeof raw?.body !== 'string' || typeof raw.query !== 'string') {
        throw new ApiError(400, 'Pick a received postback (or paste a body) to preview.');
      }
      const parsed = parseRequest({
        method: typeof raw.method === 'string' ? raw.method : 'POST',
        contentType: typeof raw.contentType === 'string' ? raw.contentType : '',
        headers: {},
        query: raw.query,
        body: raw.body,
      });
      if (!parsed.ok) return { fields: {}, mappedTo: {}, result: { kind: 'unusable', reason: parsed.reason } };
      const safeMapping = mapping && typeof mapping === 'object' ? mapping : {};
      return {
        fields: parsed.fields,
        mappedTo: previewMapping(parsed.fields, safeMapping),
        result: normalize(parsed.fields, safeMapping),
      };
    },
    addDevice: async (req) => {
      adminOnly();
      return devices.add(typeof req?.name === 'string' ? req.name : '');
    },
    listDevices: async () => {
      adminOnly();
      return devices.list();
    },
    revokeDevice: async ({ id }) => {
      adminOnly();
      return { deleted: await devices.revoke(String(id)) };
    },
  };
}

function parseFeedQuery(query: Record<string, unknown>) {
  const filter = query.filter === 'watched' || query.filter === 'alerts' ? query.filter : 'all';
  const limit = Number(query.limit ?? 50);
  return {
    limit: Number.isFinite(limit) ? limit : 50,
    before: typeof query.before === 'string' && query.before ? query.before : undefined,
    filter,
    q: typeof query.q === 'string' ? query.q.slice(0, 200) : undefined,
  } as const;
}
