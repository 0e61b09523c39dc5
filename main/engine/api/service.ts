// The UI API over the engine: reads come from the in-memory view; changes are journaled first, then applied,
// then answered, so a change the UI saw succeed survives a crash like an acknowledged postback.
// Every method's request is parsed from unknown with its schema before the method runs (parseApiRequest): the
// methods below only ever see complete, typed requests, whichever transport (HTTP, IPC, the tray) called them.
import { randomUUID } from 'node:crypto';
import {
  API_METHODS,
  type ApiMethod,
  type ApiResponse,
  type Setup,
  type Status,
  type UiApi,
} from '../../../shared/api.js';
import { ApiError } from '../../../shared/api-error.js';
import { productKey, type Watch } from '../../../shared/model.js';
import { type ParsedRequest, parseApiRequest } from '../../../shared/schema/requests.js';
import { previewMapping, readPostback } from '../ingest/index.js';
import type { Command } from '../journal/record.js';
import type { StoreView } from '../store/view.js';

export interface ServiceDeps {
  view: StoreView;
  /** journals the command and resolves once it is applied */
  run(command: Command): Promise<void>;
  status(): Status;
  setup(): Setup;
  regenerateSecret(): Setup;
  clock(): number;
}

type ParsedApi = { [M in ApiMethod]: (req: ParsedRequest<M>) => Promise<ApiResponse<M>> };

export function createService(deps: ServiceDeps): UiApi {
  const methods = serviceMethods(deps);
  const api = {} as Record<ApiMethod, (req: unknown) => Promise<unknown>>;
  for (const method of API_METHODS) {
    const run = methods[method] as (req: unknown) => Promise<unknown>;
    api[method] = async (req: unknown) => run(parseApiRequest(method, req));
  }
  return api as UiApi;
}

function serviceMethods(deps: ServiceDeps): ParsedApi {
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
    feed: async (query) => view.queryFeed({ ...query, before: query.before || undefined }),
    markRead: async ({ ids, all }) => {
      if (all === true) await deps.run({ kind: 'markRead', all: true });
      else if (ids && ids.length > 0) await deps.run({ kind: 'markRead', ids });
      return { unread: view.unread };
    },
    product: async ({ key }) => {
      const product = Object.hasOwn(data().products, key) ? data().products[key] : undefined;
      if (!product) throw new ApiError(404, 'No postback has mentioned this product yet.');
      return { product, history: data().history[product.key] ?? [], watches: view.watchesFor(product.key) };
    },
    listWatches: async () => data().watches,
    createWatch: async (input) => {
      const key = productKey(input.target.catalogId, input.target.catalogItemId);
      if (view.watchesFor(key).length > 0) throw new ApiError(409, 'This product is already on your watchlist.');
      const watch: Watch = {
        id: randomUUID(),
        target: input.target,
        rules: input.rules,
        muted: input.muted ?? false,
        createdAt: new Date(deps.clock()).toISOString(),
      };
      await deps.run({ kind: 'createWatch', watch });
      return findWatch(watch.id);
    },
    updateWatch: async ({ id, ...patch }) => {
      findWatch(id);
      await deps.run({ kind: 'updateWatch', id, patch });
      return findWatch(id);
    },
    deleteWatch: async ({ id }) => {
      const exists = data().watches.some((watch) => watch.id === id);
      if (exists) await deps.run({ kind: 'deleteWatch', id });
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
      await deps.run({ kind: 'updateSettings', patch });
      return data().settings;
    },
    regenerateSecret: async () => deps.regenerateSecret(),
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
  };
}
