// impact.com's Partner API, the parts Shelfwatch uses: catalogs (brand names), search (watch from results) and
// items (catch-up after downtime). Plain Node; the engine wires it to settings, the cache and the journal.
import type { Catalog } from '../../../shared/contract/impact.js';
import { ENDPOINT_GROUPS, type RequestPriority } from './budget.js';
import { badResponse, ImpactApiError } from './errors.js';
import { type ApiItem, hasItemIdentity, toApiItem, toCatalog, toCatalogItem } from './mapping.js';
import { PageWalk } from './page-walk.js';
import { isOwnCatalogLink, partnerPaths, queryString } from './paths.js';
import { Requester } from './requester.js';
import type { ImpactClient, ImpactClientOptions, ImpactSchedule, Page } from './types.js';
import { readPage, readSingle } from './wire-read.js';
import { catalogPageSchema, itemPageSchema, type WireItem, wireCatalogSchema, wireItemSchema } from './wire-schema.js';

const DEFAULT_BASE_URL = 'https://api.impact.com';
const DEFAULT_SEARCH_PAGE_SIZE = 50;
/** 100,000 catalogs at 200 a page: far beyond any partner, short of forever. */
const MAX_CATALOG_PAGES = 500;
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export function createImpactClient(options: ImpactClientOptions): ImpactClient {
  if (options.accountSid.trim() === '' || options.accountSid.includes(':') || options.authToken === '') {
    throw new TypeError('an impact.com client needs an Account SID (without ":") and an Auth Token');
  }
  const budgetShare = options.budgetShare ?? 0.5;
  if (!(budgetShare > 0 && budgetShare <= 1)) throw new TypeError('budgetShare must be in (0, 1]');
  const requester = new Requester({
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    accountSid: options.accountSid,
    authToken: options.authToken,
    fetch: options.fetch ?? globalThis.fetch,
    clock: options.clock ?? Date.now,
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
    budgetShare,
    maxInFlight: 2,
    timeoutMs: options.timeoutMs ?? 15_000,
    maxResponseBytes: options.maxResponseBytes ?? 10 * 1024 * 1024,
    maxAttempts: Math.max(1, options.maxAttempts ?? 5),
    backoffBaseMs: 1_000,
    backoffMaxMs: 60_000,
    log: options.log,
  });
  const paths = partnerPaths(options.accountSid);
  const knownCatalogs = new Map<string, Catalog>();

  const nullWhenMissing = async <T>(work: () => Promise<T>): Promise<T | null> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ImpactApiError && error.kind === 'not-found') return null;
      throw error;
    }
  };

  /** Items of /Catalogs/{id}/Items may leave CatalogId out: the path says which catalog they are in. */
  const itemsOf = (wires: WireItem[], catalogId?: string): ApiItem[] =>
    wires
      .map((wire) => (catalogId !== undefined && wire.CatalogId === '' ? { ...wire, CatalogId: catalogId } : wire))
      .filter(hasItemIdentity)
      .map(toApiItem);

  const itemPage = async (link: string, priority: RequestPriority, catalogId?: string): Promise<Page<ApiItem>> => {
    const page = readPage(itemPageSchema, await requester.get(link, priority));
    return { items: itemsOf(page.body.Items, catalogId), next: page.next };
  };

  const brandOf = (item: ApiItem) => knownCatalogs.get(item.catalogId)?.advertiserName || item.campaignName;

  const client: ImpactClient = {
    accountSid: options.accountSid,

    async listCatalogs() {
      const catalogs: Catalog[] = [];
      const first = paths.catalogs();
      const walk = new PageWalk('catalogs', MAX_CATALOG_PAGES, first);
      for (let link: string | null = first; link !== null; ) {
        const answer: Record<string, unknown> = await requester.get(link, 'interactive');
        const page = readPage(catalogPageSchema, answer);
        catalogs.push(...page.body.Catalogs.filter((wire) => wire.Id !== '').map(toCatalog));
        link = page.next;
        if (link !== null) walk.next(link);
      }
      knownCatalogs.clear();
      client.primeCatalogs(catalogs);
      return catalogs;
    },

    getCatalog: (catalogId) =>
      nullWhenMissing(async () =>
        toCatalog(
          readSingle(wireCatalogSchema, await requester.get(paths.catalog(catalogId), 'interactive'), 'Catalog'),
        ),
      ),

    async searchItems({ keyword, catalogId, cursor, pageSize = DEFAULT_SEARCH_PAGE_SIZE }) {
      if (knownCatalogs.size === 0) {
        // Brand names come from the catalog list; without it, results still show (under the campaign name).
        await client.listCatalogs().catch((error: unknown) => {
          if (error instanceof ImpactApiError && error.kind === 'cancelled') throw error;
          options.log?.warn('impact.com: no catalog list for brand names', { reason: String(error) });
        });
      }
      let link: string;
      if (cursor) {
        if (!isOwnCatalogLink(cursor, paths.root)) {
          throw new ImpactApiError('rejected', 'this search cannot be continued; search again');
        }
        link = cursor;
      } else if (catalogId !== undefined && catalogId !== '') {
        const query = keyword.trim() === '' ? undefined : `Name ~ ${queryString(keyword.trim())}`;
        link = paths.items(catalogId, query, pageSize);
      } else {
        link = paths.search(keyword.trim(), pageSize);
      }
      const page = await itemPage(link, 'interactive', catalogId || undefined);
      return { items: page.items.map((item) => toCatalogItem(item, brandOf(item))), next: page.next };
    },

    async getItem({ catalogId, catalogItemId, apiId }, { priority = 'background' } = {}) {
      const matches = (item: ApiItem) => item.catalogId === catalogId && item.catalogItemId === catalogItemId;
      if (apiId) {
        const byId = await nullWhenMissing(async () => {
          const wire = readSingle(wireItemSchema, await requester.get(paths.item(catalogId, apiId), priority), 'Item');
          return itemsOf([wire], catalogId)[0] ?? null;
        });
        // A stale or reshaped Id falls back to the query rather than reporting the item gone.
        if (byId !== null && matches(byId)) return byId;
      }
      const link = paths.items(catalogId, `CatalogItemId = ${queryString(catalogItemId)}`);
      const page = await nullWhenMissing(() => itemPage(link, priority, catalogId));
      const found = page?.items.find(matches) ?? null;
      // No match but more pages: impact.com did not filter, so absence proves nothing (and "removed" would be a lie).
      if (found === null && page?.next) throw badResponse('impact.com did not narrow the answer to this item');
      return found;
    },

    listCatalogItems: (catalogId, cursor, { priority = 'background' } = {}) => {
      if (cursor && !isOwnCatalogLink(cursor, paths.root)) {
        return Promise.reject(new ImpactApiError('rejected', 'this catalog listing cannot be continued; start again'));
      }
      return itemPage(cursor || paths.items(catalogId), priority, catalogId);
    },

    rateLimit: (group) => requester.rateLimit(group),

    schedule: () =>
      Object.fromEntries(
        ENDPOINT_GROUPS.map((group) => [group, requester.scheduler.snapshot(group)]),
      ) as ImpactSchedule,

    primeCatalogs(catalogs) {
      for (const catalog of catalogs) knownCatalogs.set(catalog.id, catalog);
    },

    close: () => requester.close(),
  };
  return client;
}
