// The UI API over the engine: reads come from the in-memory view; changes are journaled first, then applied,
// then answered, so a change the UI saw succeed survives a crash like an acknowledged postback.
import { randomUUID } from 'node:crypto';
import type { Setup, Status, UiApi } from '../../../shared/api.js';
import { productKey, type Watch } from '../../../shared/model.js';
import { normalize, parseRequest, previewMapping } from '../ingest/index.js';
import type { Command } from '../journal/record.js';
import type { StoreView } from '../store/view.js';
import { ApiError } from './api-error.js';
import { validateSettingsPatch, validateWatchInput, validateWatchPatch } from './validate.js';

export interface ServiceDeps {
  view: StoreView;
  /** journals the command and resolves once it is applied */
  run(command: Command): Promise<void>;
  status(): Status;
  setup(): Setup;
  regenerateSecret(): Setup;
  clock(): number;
}

export function createService(deps: ServiceDeps): UiApi {
  const { view } = deps;
  const data = () => view.data;
  const findWatch = (id: string): Watch => {
    const watch = data().watches.find((candidate) => candidate.id === id);
    if (!watch) throw new ApiError(404, 'That watch no longer exists.');
    return watch;
  };

  return {
    status: async () => deps.status(),
    setup: async () => deps.setup(),
    feed: async (query) => view.queryFeed(parseFeedQuery((query ?? {}) as Record<string, unknown>)),
    markRead: async (req) => {
      const ids = Array.isArray(req?.ids) ? req.ids.filter((id) => typeof id === 'string').slice(0, 10_000) : [];
      if (req?.all === true) await deps.run({ kind: 'markRead', all: true });
      else if (ids.length > 0) await deps.run({ kind: 'markRead', ids });
      return { unread: view.unread };
    },
    product: async ({ key }) => {
      const product = data().products[String(key)];
      if (!product) throw new ApiError(404, 'No postback has mentioned this product yet.');
      return { product, history: data().history[product.key] ?? [], watches: view.watchesFor(product.key) };
    },
    listWatches: async () => data().watches,
    createWatch: async (input) => {
      const valid = validateWatchInput(input);
      const key = productKey(valid.target.catalogId, valid.target.catalogItemId);
      if (view.watchesFor(key).length > 0) throw new ApiError(409, 'This product is already on your watchlist.');
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
      const exists = data().watches.some((watch) => watch.id === id);
      if (exists) await deps.run({ kind: 'deleteWatch', id: String(id) });
      return { deleted: exists };
    },
    quarantine: async () => [...data().quarantine].reverse(),
    reprocessQuarantine: async () => {
      const before = data().quarantine.length;
      if (before > 0) await deps.run({ kind: 'reprocessQuarantine' });
      return { reprocessed: before - data().quarantine.length, remaining: data().quarantine.length };
    },
    getSettings: async () => data().settings,
    updateSettings: async (patch) => {
      await deps.run({ kind: 'updateSettings', patch: validateSettingsPatch(patch) });
      return data().settings;
    },
    regenerateSecret: async () => deps.regenerateSecret(),
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
