// The engine's side of the impact.com account (issue 12): the credentials (kept apart from everything else), the
// Partner API client, the catalogs (brand and catalog names, refreshed daily and on connect, cached so an offline
// start still shows names), search to watch, and the catch-up check (reconcile).
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../shared/contract/errors.js';
import type { CatalogItem, ImpactAccount, ReconcileStatus } from '../../../shared/contract/impact.js';
import type { Observation } from '../../../shared/contract/journal.js';
import type { WatchTarget } from '../../../shared/contract/watch.js';
import { itemKeyOf, productKey } from '../../../shared/domain/watch-target.js';
import { FILE_MODE } from '../file-system.js';
import { createImpactClient, ImpactApiError, type ImpactClient, type ImpactClientOptions } from '../impact/index.js';
import type { Command } from '../journal/record.js';
import type { Store } from '../store/store.js';
import type { Logger } from '../types.js';
import type { CredentialStore, ImpactCredentials } from './credentials.js';
import { Reconciler, type ReconcileTarget } from './reconcile.js';

const HOUR_MS = 3_600_000;
const CATALOG_SYNC_EVERY_MS = 24 * HOUR_MS;
const RECONCILE_EVERY_MS = 6 * HOUR_MS;
/** Not receiving for longer than this (the app was off or asleep) calls for a catch-up check at start. */
const DOWNTIME_MS = 10 * 60_000;
const ALIVE_FILE = 'alive';

export interface ImpactLinkOptions {
  store: Store;
  dataDir: string;
  credentials: CredentialStore;
  /** SHELFWATCH_IMPACT_SID / _TOKEN: used when nothing is stored */
  preset?: ImpactCredentials;
  apiBase: string;
  /** tests: a clock, a sleep that does not wait, a budget share */
  clientOptions?: Partial<ImpactClientOptions>;
  run: (command: Command) => Promise<void>;
  record: (observation: Observation) => Promise<unknown>;
  onStatus: (status: ReconcileStatus) => void;
  clock: () => number;
  log: Logger;
}

export class ImpactLink {
  private client: ImpactClient | null = null;
  private readonly timers: NodeJS.Timeout[] = [];
  private refreshing = false;
  readonly reconciler: Reconciler;

  constructor(private readonly options: ImpactLinkOptions) {
    this.reconciler = new Reconciler({
      client: () => this.client,
      targets: (keys) => this.targets(keys),
      catalogs: () => this.watchedCatalogs(),
      record: options.record,
      onProgress: options.onStatus,
      clock: options.clock,
      log: options.log,
    });
  }

  /** Connects with what is stored, and keeps the catalogs fresh and watched items checked. */
  start(): void {
    const credentials = this.options.credentials.load() ?? this.options.preset ?? null;
    if (credentials) this.client = this.newClient(credentials);
    const downtime = this.options.clock() - aliveAt(this.options.dataDir);
    this.touchAlive();
    this.every(60_000, () => this.touchAlive());
    if (!this.client) return;
    const lastSync = Date.parse(this.options.store.docs.lastCatalogSyncAt ?? '');
    if (!(this.options.clock() - lastSync < CATALOG_SYNC_EVERY_MS)) void this.syncCatalogs();
    this.keepFresh();
    if (downtime > DOWNTIME_MS) this.reconcile(undefined);
  }

  /** The daily catalog refresh and the 6-hourly check, once an account is connected (at start or later). */
  private keepFresh(): void {
    if (this.refreshing) return;
    this.refreshing = true;
    this.every(CATALOG_SYNC_EVERY_MS, () => void this.syncCatalogs());
    this.every(RECONCILE_EVERY_MS, () => {
      if (this.client) this.reconcile(undefined);
    });
    this.reconciler.setNextAt(new Date(this.options.clock() + RECONCILE_EVERY_MS).toISOString());
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.client?.close();
  }

  account(): ImpactAccount {
    const credentials = this.client ? { accountSid: this.client.accountSid } : null;
    const limit = this.client?.rateLimit() ?? null;
    return {
      accountSid: credentials?.accountSid ?? null,
      connected: this.client !== null,
      lastCatalogSyncAt: this.options.store.docs.lastCatalogSyncAt,
      rateLimit: limit ? { remaining: limit.remaining, resetAt: limit.resetAt } : null,
    };
  }

  /** Verifies the credentials with GET /Catalogs, then keeps them and the catalogs. */
  async connect(credentials: ImpactCredentials): Promise<ImpactAccount> {
    const client = this.newClient(credentials);
    let catalogs: Awaited<ReturnType<ImpactClient['listCatalogs']>>;
    try {
      catalogs = await client.listCatalogs();
    } catch (error) {
      client.close();
      throw connectError(error);
    }
    // Kept first: a store that refuses (the desktop without a keychain) must leave the old connection as it was.
    try {
      this.options.credentials.save(credentials);
    } catch (error) {
      client.close();
      throw error;
    }
    this.client?.close();
    this.client = client;
    await this.options.run({ kind: 'setCatalogs', catalogs, at: new Date(this.options.clock()).toISOString() });
    this.options.log.info('impact.com account connected', { catalogs: catalogs.length });
    this.keepFresh();
    return this.account();
  }

  disconnect(): ImpactAccount {
    this.client?.close();
    this.client = null;
    this.options.credentials.save(null);
    return this.account();
  }

  async search(q: string, catalogId: string | undefined, cursor: string | undefined) {
    const client = this.requireClient();
    try {
      const page = await client.searchItems({ keyword: q, catalogId, cursor: cursor ?? null });
      return { items: page.items.map((item) => this.withWatched(item)), next: page.next };
    } catch (error) {
      throw apiErrorOf(error);
    }
  }

  reconcile(keys: string[] | undefined): { total: number } {
    this.requireClient();
    const { total } = this.reconciler.start(keys);
    this.reconciler.setNextAt(new Date(this.options.clock() + RECONCILE_EVERY_MS).toISOString());
    return { total };
  }

  /**
   * A watch was just made (by any path: the Add form, search results, the API, a paired device): with an account
   * connected, its item's current state is fetched at once, through the journal as the check does, so the first
   * change after watching is compared with it and raises its alert instead of counting as "New". Item watches only:
   * a whole catalog or brand is listed by the 6-hourly check, which may take many pages of the hourly budget.
   */
  watched(target: WatchTarget): void {
    const key = itemKeyOf(target);
    if (this.client && key !== null) this.reconciler.start([key]);
  }

  private async syncCatalogs(): Promise<void> {
    if (!this.client) return;
    try {
      const catalogs = await this.client.listCatalogs();
      await this.options.run({ kind: 'setCatalogs', catalogs, at: new Date(this.options.clock()).toISOString() });
    } catch (error) {
      this.options.log.warn('impact.com: could not refresh the catalogs', { error: String(error) });
    }
  }

  private withWatched(item: CatalogItem): CatalogItem {
    const product = { key: productKey(item.catalogId, item.catalogItemId), catalogId: item.catalogId };
    const campaignId = this.options.store.docs.catalogs.find((catalog) => catalog.id === item.catalogId)?.campaignId;
    return { ...item, watched: this.options.store.watchesFor({ ...product, campaignId }).length > 0 };
  }

  /** Watched items (or the given ones), with what the store knows of each. */
  private targets(keys: string[] | undefined): ReconcileTarget[] {
    const { store } = this.options;
    const wanted = keys ?? store.docs.watches.flatMap((watch) => itemKeyOf(watch.target) ?? []);
    return [...new Set(wanted)].map((key) => {
      const stored = store.products.byKey(key);
      const at = key.indexOf(':');
      return {
        catalogId: key.slice(0, at),
        catalogItemId: key.slice(at + 1),
        apiId: stored?.apiId ?? null,
        listed: stored !== undefined && !stored.ghost && !stored.removed,
      };
    });
  }

  /** Catalogs a watch covers whole (a catalog watch, or a brand's: every catalog of its campaign). */
  private watchedCatalogs() {
    const { store } = this.options;
    const ids = new Set<string>();
    for (const watch of store.docs.watches) {
      const target = watch.target;
      if ('campaignId' in target) {
        for (const catalog of store.docs.catalogs) if (catalog.campaignId === target.campaignId) ids.add(catalog.id);
      } else if ('catalogId' in target && !('catalogItemId' in target)) ids.add(target.catalogId);
    }
    return [...ids].map((catalogId) => ({
      catalogId,
      numberOfItems: store.docs.catalogs.find((catalog) => catalog.id === catalogId)?.numberOfItems ?? null,
      listedItems: store.products.listedItemsOf(catalogId),
    }));
  }

  private newClient(credentials: ImpactCredentials): ImpactClient {
    const client = createImpactClient({
      baseUrl: this.options.apiBase,
      ...credentials,
      log: this.options.log,
      ...this.options.clientOptions,
    });
    client.primeCatalogs(this.options.store.docs.catalogs);
    return client;
  }

  private requireClient(): ImpactClient {
    if (!this.client) throw new ApiError(409, 'Connect an impact.com account first (Settings → impact.com account).');
    return this.client;
  }

  private every(ms: number, run: () => void): void {
    const timer = setInterval(run, ms);
    timer.unref();
    this.timers.push(timer);
  }

  private touchAlive(): void {
    const file = path.join(this.options.dataDir, ALIVE_FILE);
    try {
      fs.writeFileSync(file, new Date(this.options.clock()).toISOString(), { mode: FILE_MODE });
    } catch {
      // only a hint for the next start; a read-only folder has bigger problems the status already shows
    }
  }
}

/** When the app was last known to be running; 0 when never (a new folder: no downtime to catch up on). */
function aliveAt(dataDir: string): number {
  try {
    return Date.parse(fs.readFileSync(path.join(dataDir, ALIVE_FILE), 'utf8')) || Number.POSITIVE_INFINITY;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** What Verify tells the user, in plain words. */
function connectError(error: unknown): ApiError {
  if (!(error instanceof ImpactApiError)) return new ApiError(502, 'impact.com cannot be reached.');
  if (error.kind === 'unauthorized') return new ApiError(400, 'impact.com refused these credentials.');
  if (error.kind === 'forbidden') return new ApiError(400, 'This token may not read catalogs (403).');
  return apiErrorOf(error);
}

function apiErrorOf(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ImpactApiError) {
    if (error.kind === 'unreachable') return new ApiError(502, 'impact.com cannot be reached.');
    if (error.kind === 'unauthorized' || error.kind === 'forbidden') return new ApiError(502, error.message);
    return new ApiError(502, error.message);
  }
  return new ApiError(502, 'impact.com answered something Shelfwatch could not read.');
}
