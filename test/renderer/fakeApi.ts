// A typed fake of the UI API: an in-memory engine that answers like the real one and records every call.

import type { ApiClient } from '../../renderer/src/api/client.js';
import { fetchExport } from '../../renderer/src/api/downloadCsv.js';
import { type ApiRequest, mapUiApi, type UiApi } from '../../shared/contract/api.js';
import type { BackupList } from '../../shared/contract/backups.js';
import type { Channel } from '../../shared/contract/channel.js';
import type { Device } from '../../shared/contract/device.js';
import { ApiError } from '../../shared/contract/errors.js';
import type { UiEvent } from '../../shared/contract/events.js';
import type { CsvExport } from '../../shared/contract/export.js';
import type { FeedEntry, FeedView } from '../../shared/contract/feed.js';
import type { Catalog, CatalogItem, ImpactAccount } from '../../shared/contract/impact.js';
import type { PageItem, PageLinkItem, PageProduct, Site } from '../../shared/contract/pages.js';
import type { HistoryPoint, ProductState } from '../../shared/contract/product.js';
import type { QuarantineEntry } from '../../shared/contract/quarantine.js';
import type { ApiMethod } from '../../shared/contract/routes.js';
import type { Settings } from '../../shared/contract/settings.js';
import type { Setup } from '../../shared/contract/setup.js';
import type { Status } from '../../shared/contract/status.js';
import type { Watch } from '../../shared/contract/watch.js';
import { itemKeyOf, productKey, watchCovers } from '../../shared/domain/watch-target.js';
import {
  idleReconcile,
  makeBackup,
  makeBackupList,
  makeChannel,
  makeFeed,
  makeQuarantine,
  makeSettings,
  makeSetup,
  makeStatus,
  makeWatch,
} from '../fakes/ui-data.js';

export interface FakeData {
  feed: FeedEntry[];
  products: Map<string, { product: ProductState; history: HistoryPoint[] }>;
  watches: Watch[];
  settings: Settings;
  quarantine: QuarantineEntry[];
  status: Status;
  setup: Setup;
  devices: Device[];
  account: ImpactAccount;
  catalogs: Catalog[];
  /** what catalog search finds (filtered by the words of q in name or brand) */
  catalogItems: CatalogItem[];
  /** results per searchCatalog page; `next` is an opaque cursor, as impact.com's is */
  searchPageSize: number;
  channels: Channel[];
  backups: BackupList;
  /** the partner's sites and what was read from them (issue 18) */
  sites: Site[];
  pages: PageItem[];
  /** each page's links, by the page's url */
  pageLinks: Record<string, PageLinkItem[]>;
  /** what the Pages view shows of the products the pages link to */
  pageProducts: Record<string, PageProduct>;
}

export interface FakeClient extends ApiClient {
  api: UiApi;
  /** exports the views saved, as the file each would be */
  saved: CsvExport[];
  data: FakeData;
  calls: { method: ApiMethod; req: unknown }[];
  callsOf<M extends ApiMethod>(method: M): ApiRequest<M>[];
  emit(event: UiEvent): void;
  opened: string[];
  copied: string[];
}

export function createFakeClient(seed: Partial<FakeData> = {}, overrides: Partial<UiApi> = {}): FakeClient {
  const feed = seed.feed ?? makeFeed(5);
  const data: FakeData = {
    feed,
    products: seed.products ?? new Map(feed.map((entry) => [entry.key, { product: entry.product, history: [] }])),
    watches: seed.watches ?? [makeWatch({ target: { catalogId: '7001', catalogItemId: 'SKU-1' } })],
    settings: seed.settings ?? makeSettings(),
    quarantine: seed.quarantine ?? [makeQuarantine()],
    status: seed.status ?? makeStatus(),
    setup: seed.setup ?? makeSetup(),
    devices: seed.devices ?? [],
    account: seed.account ?? { accountSid: null, connected: false, lastCatalogSyncAt: null, rateLimit: null },
    catalogs: seed.catalogs ?? [],
    catalogItems: seed.catalogItems ?? [],
    searchPageSize: seed.searchPageSize ?? 50,
    channels: seed.channels ?? [],
    backups: seed.backups ?? makeBackupList(),
    sites: seed.sites ?? [],
    pages: seed.pages ?? [],
    pageLinks: seed.pageLinks ?? {},
    pageProducts: seed.pageProducts ?? {},
  };
  const calls: FakeClient['calls'] = [];
  const listeners = new Set<(event: UiEvent) => void>();
  const settingsListeners = new Set<(settings: Settings) => void>();
  let watchIds = 100;

  let lastMarked: { id: string; ids: string[]; restored: number | null } | null = null;
  const inView = ({ filter = 'all', q }: FeedView = {}) => {
    const watched = new Set(data.watches.map((w) => itemKeyOf(w.target)));
    return data.feed.filter(
      (entry) =>
        (filter !== 'alerts' || entry.alerts.length > 0) &&
        (filter !== 'watched' || watched.has(entry.key)) &&
        (!q ||
          `${entry.product.name ?? ''} ${entry.product.catalogItemId} ${entry.product.catalogId}`
            .toLowerCase()
            .includes(q.toLowerCase())),
    );
  };
  const unreadCount = () => data.feed.filter((entry) => !entry.read).length;

  const engine: UiApi = {
    status: async () => data.status,
    setup: async () => data.setup,
    feed: async ({ limit = 100, before, filter = 'all', q } = {}) => {
      const matching = inView({ filter, ...(q ? { q } : {}) });
      const start = before ? matching.findIndex((entry) => entry.id === before) + 1 : 0;
      const items = matching.slice(start, start + limit);
      const next = start + limit < matching.length ? (items.at(-1)?.id ?? null) : null;
      return { items, next, total: matching.length };
    },
    exportFeed: async (view) => {
      const rows = inView(view).map((entry) => `${entry.at},${entry.product.catalogItemId}`);
      return {
        filename: 'shelfwatch-feed.csv',
        csv: ['Time,Item id', ...rows].join('\r\n'),
        rows: rows.length,
        truncated: false,
      };
    },
    exportHistory: async ({ key }) => {
      const found = data.products.get(key);
      if (!found) throw new ApiError(404, 'No postback has mentioned this product yet.');
      const rows = found.history.map((point) => `${point.at},${point.currentPrice ?? ''}`);
      return {
        filename: 'shelfwatch-history.csv',
        csv: ['Time,Price', ...rows].join('\r\n'),
        rows: rows.length,
        truncated: false,
      };
    },
    markRead: async ({ ids, all, filter }) => {
      if (all) {
        // Like the engine: what the view shows, remembered so Undo restores exactly those.
        const marked = inView(filter).filter((entry) => !entry.read);
        for (const entry of marked) entry.read = true;
        lastMarked = { id: `undo-${calls.length}`, ids: marked.map((entry) => entry.id), restored: null };
        const undo = marked.length > 0 ? { undoId: lastMarked.id } : {};
        return { unread: unreadCount(), marked: marked.length, ...undo };
      }
      for (const entry of data.feed) if (ids?.includes(entry.id)) entry.read = true;
      return { unread: unreadCount() };
    },
    undoMarkRead: async ({ id }) => {
      if (lastMarked?.id !== id) throw new ApiError(409, 'That can no longer be undone.');
      const restored = data.feed.filter((entry) => lastMarked?.ids.includes(entry.id) && entry.read);
      for (const entry of restored) entry.read = false;
      lastMarked.restored ??= restored.length;
      return { unread: unreadCount(), restored: lastMarked.restored };
    },
    product: async ({ key }) => {
      const found = data.products.get(key);
      if (!found) throw new Error(`No product ${key}`);
      const watches = data.watches.filter((w) => itemKeyOf(w.target) === key);
      return { ...found, watches };
    },
    listWatches: async () => [...data.watches],
    createWatch: async (input) => {
      const watch: Watch = { id: `w${watchIds++}`, muted: false, createdAt: new Date().toISOString(), ...input };
      data.watches.push(watch);
      return watch;
    },
    updateWatch: async ({ id, ...patch }) => {
      const watch = data.watches.find((w) => w.id === id);
      if (!watch) throw new Error('No such watch');
      Object.assign(watch, patch);
      return { ...watch };
    },
    deleteWatch: async ({ id }) => {
      data.watches = data.watches.filter((w) => w.id !== id);
      return { deleted: true };
    },
    quarantine: async () => data.quarantine,
    reprocessQuarantine: async () => ({ reprocessed: data.quarantine.length, remaining: 0 }),
    dismissQuarantine: async ({ ids }) => {
      const before = data.quarantine.length;
      data.quarantine = ids ? data.quarantine.filter((entry) => !ids.includes(entry.id)) : [];
      data.status = { ...data.status, receiver: { ...data.status.receiver, quarantined: data.quarantine.length } };
      // like the engine: the status event follows the change
      for (const listener of listeners) listener({ type: 'status', status: data.status });
      return { dismissed: before - data.quarantine.length, remaining: data.quarantine.length };
    },
    getSettings: async () => structuredClone(data.settings),
    previewRetention: async ({ feedEntries, historyPerProduct }) => {
      const beyond = [...data.products.values()].map(({ history }) =>
        historyPerProduct === undefined ? 0 : Math.max(0, history.length - Number(historyPerProduct)),
      );
      return {
        feedEntries: feedEntries === undefined ? 0 : Math.max(0, data.feed.length - Number(feedEntries)),
        historyPoints: beyond.reduce((sum, points) => sum + points, 0),
        products: beyond.filter((points) => points > 0).length,
      };
    },
    updateSettings: async (patch) => {
      data.settings = { ...data.settings, ...(patch as Partial<Settings>) };
      for (const listener of settingsListeners) listener(structuredClone(data.settings));
      return structuredClone(data.settings);
    },
    regenerateSecret: async () => ({ ...data.setup, postbackUrl: 'http://127.0.0.1:8787/postback/n3w' }),
    acknowledgeUrlChange: async () => {
      data.status = { ...data.status, postbackUrlChanged: null };
      return data.status;
    },
    previewMapping: async ({ raw, mapping }) => {
      const fields = JSON.parse(raw.body || '{}') as Record<string, string>;
      const mappedTo = Object.fromEntries(Object.keys(fields).map((key) => [key, mapping[key] ?? null]));
      return { fields, mappedTo, result: { kind: 'unusable', reason: 'No catalog id' } };
    },
    addDevice: async ({ name }) => {
      const device = { id: `d${data.devices.length + 1}`, name, pairedAt: null, lastSeenAt: null, lastAddress: null };
      data.devices.push(device);
      const code = 'K7QM-3RXT-9HZC';
      const pairingLink = `shelfwatch://pair?hub=${encodeURIComponent('https://hub.example:8789')}&code=${code}&fp=${'a'.repeat(64)}`;
      return { device, pairingCode: code, pairingLink, expiresAt: new Date(Date.now() + 600_000).toISOString() };
    },
    listDevices: async () => [...data.devices],
    revokeDevice: async ({ id }) => {
      const before = data.devices.length;
      data.devices = data.devices.filter((device) => device.id !== id);
      return { deleted: data.devices.length < before };
    },
    getImpactAccount: async () => ({ ...data.account }),
    connectImpactAccount: async ({ accountSid }) => {
      data.account = { ...data.account, accountSid, connected: true, lastCatalogSyncAt: new Date().toISOString() };
      return { ...data.account };
    },
    disconnectImpactAccount: async () => {
      data.account = { ...data.account, accountSid: null, connected: false };
      return { ...data.account };
    },
    listCatalogs: async () => [...data.catalogs],
    searchCatalog: async ({ q = '', catalogId, cursor }) => {
      const words = q.toLowerCase().split(/\s+/).filter(Boolean);
      const matching = data.catalogItems.filter(
        (item) =>
          (!catalogId || item.catalogId === catalogId) &&
          words.every((word) => `${item.name} ${item.brandName}`.toLowerCase().includes(word)),
      );
      const start = cursor ? Number(cursor.replace('after-', '')) : 0;
      const end = start + data.searchPageSize;
      // Like the engine: `watched` says whether any watch (the item's, its catalog's, its brand's) covers it.
      const items = matching.slice(start, end).map((item) => {
        const campaignId = data.catalogs.find((catalog) => catalog.id === item.catalogId)?.campaignId;
        const product = { ...item, key: productKey(item.catalogId, item.catalogItemId), campaignId };
        return { ...item, watched: data.watches.some((watch) => watchCovers(watch.target, product)) };
      });
      return { items, next: end < matching.length ? `after-${end}` : null };
    },
    reconcile: async ({ keys }) => {
      const total = keys?.length ?? data.watches.length;
      data.status = {
        ...data.status,
        reconcile: { ...idleReconcile(), ...data.status.reconcile, running: true, total },
      };
      return { total };
    },
    listChannels: async () => ({ items: structuredClone(data.channels) }),
    createChannel: async ({ name, url, filter, digestSeconds }) => {
      const webhook = url.startsWith('json');
      const channel = makeChannel({
        id: `c${data.channels.length + 1}`,
        name,
        kind: webhook ? 'webhook' : 'slack',
        target: webhook ? url.replace(/^json(s?):\/\/([^/]+).*$/, 'json$1://$2/…') : 'slack://••••',
        filter: filter ?? {},
        digestSeconds: digestSeconds ?? 60,
      });
      data.channels.push(channel);
      return webhook ? { ...structuredClone(channel), signingSecret: 'whsec_c2VjcmV0LXNpZ25pbmcta2V5' } : channel;
    },
    updateChannel: async ({ id, ...patch }) => {
      const channel = data.channels.find((candidate) => candidate.id === id);
      if (!channel) throw new Error('No such channel');
      Object.assign(channel, patch);
      return structuredClone(channel);
    },
    deleteChannel: async ({ id }) => {
      const before = data.channels.length;
      data.channels = data.channels.filter((channel) => channel.id !== id);
      return { deleted: data.channels.length < before };
    },
    testChannel: async ({ id }) => {
      const channel = data.channels.find((candidate) => candidate.id === id);
      if (!channel) throw new Error('No such channel');
      channel.status = { ...channel.status, lastSentAt: new Date().toISOString() };
      return { delivered: true as const, channel: structuredClone(channel) };
    },
    listBackups: async () => structuredClone(data.backups),
    backUpNow: async () => {
      const made = makeBackup({ id: `backup-${data.backups.backups.length + 1}`, at: new Date().toISOString() });
      data.backups = { ...data.backups, backups: [{ ...made, reason: 'manual' }, ...data.backups.backups] };
      return structuredClone(data.backups);
    },
    listSites: async () => ({ items: [...data.sites] }),
    addSite: async ({ url }) => {
      const site: Site = { id: `s${data.sites.length + 1}`, url, kind: 'sitemap', pages: 0, lastScan: null };
      data.sites.push(site);
      return site;
    },
    deleteSite: async ({ id }) => {
      const before = data.sites.length;
      data.sites = data.sites.filter((site) => site.id !== id);
      return { deleted: data.sites.length < before };
    },
    scanSites: async () => {
      const scan = {
        running: true,
        done: 0,
        total: 0,
        links: 0,
        matched: 0,
        errors: 0,
        lastFinishedAt: null,
        nextAt: null,
      };
      data.status = { ...data.status, pageScan: scan };
      return scan;
    },
    listPages: async ({ attention, q, detail }) => {
      const items = data.pages.filter(
        (page) =>
          (attention !== '1' || page.attention.length > 0) &&
          (!q || page.title.toLowerCase().includes(q.toLowerCase())),
      );
      return detail === '1' ? { items, next: null, products: data.pageProducts } : { items, next: null };
    },
    pageLinks: async ({ url, detail }) => {
      const items = data.pageLinks[url];
      if (!items) throw new Error('That page is not among the pages read from your sites.');
      return detail === '1' ? { items, products: data.pageProducts } : { items };
    },
    ...overrides,
  };

  const client: FakeClient = {
    api: mapUiApi((method, req) => {
      calls.push({ method, req });
      return engine[method](req);
    }),
    data,
    calls,
    callsOf: <M extends ApiMethod>(method: M) =>
      calls.filter((call) => call.method === method).map((call) => call.req as ApiRequest<M>),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (event) => {
      for (const listener of listeners) listener(event);
    },
    onSettingsSaved: (listener) => {
      settingsListeners.add(listener);
      return () => settingsListeners.delete(listener);
    },
    opened: [],
    copied: [],
    saved: [],
    openExternal: async (url) => {
      client.opened.push(url);
    },
    copyText: async (text) => {
      client.copied.push(text);
    },
    saveExport: async (request) => {
      // like the browser: the same API methods, then the file
      const file = await fetchExport(client.api, request);
      client.saved.push(file);
      return { saved: true, rows: file.rows, truncated: file.truncated };
    },
  };
  return client;
}
