// A page of the feed for one device: the filter resolved to what the database can answer fast (see
// db/feed-query.ts), the entries joined with their products, and each entry's read state for that device.
import type { FeedEntry, FeedPage, FeedQuery, FeedView } from '../../../shared/contract/feed.js';
import type { ProductState } from '../../../shared/contract/product.js';
import { indexQuery, isCatalogIdWord, textMatcher, wordsOf } from '../../../shared/domain/feed-search.js';
import type { StreamPoint } from '../../../shared/domain/stream-point.js';
import { withLinkedPages } from '../pages/linked-pages.js';
import { entryFromRow, idOfPos, posOfId } from './db/feed.js';
import { type FeedScan, INDEXED_PRODUCTS_MAX, type ScanFilter } from './db/feed-query.js';
import { fromRow, publicState } from './db/products.js';
import { ENTRIES_PER_RECORD, feedPos } from './db/schema.js';
import type { Store } from './store.js';

export const MAX_PAGE = 200;
/** A search matching more products than this is answered by testing the feed's products' words directly. */
const SEARCH_SET_MAX = 20_000;
/**
 * Before asking the full-text index, a search reads this many of the newest entries: a broad term (a word in most
 * names) fills the page from them, and the index's prefix query for it costs ~20 ms at a million products.
 */
const PROBE_ROWS = 200;
/** Candidates from the index that need their words tested (see shared/domain/feed-search.ts) are read up to this many. */
const CHECKED_SET_MAX = 4_000;
/** A watched set up to this size is searched by reading its products' words, not through the index. */
const WATCHED_SEARCH_MAX = 5_000;

interface Resolved {
  filter: ScanFilter;
  /** null when counting would cost more than the page (a broad search, a large watched set) */
  total: number | null;
  /** the page itself, when resolving already read it (a broad search's probe filled it) */
  page?: FeedScan;
}

export function queryFeed(store: Store, query: FeedQuery, device: string): FeedPage {
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? 50) || 50, 1), MAX_PAGE);
  const before = query.before ? posOfId(query.before) : Number.MAX_SAFE_INTEGER;
  if (before === null) return { items: [], next: null, total: 0 };
  const { filter, total, page } = resolveFilter(store, query, { before, limit });
  const scan = page ?? store.feedScanner.page(filter, before, limit);
  return {
    items: entriesAt(store, scan.positions, device),
    next: scan.next === null ? null : idOfPos(scan.next),
    total,
  };
}

/**
 * Every entry the view shows in (after, through], newest first, up to `max`: what "mark all read" marks with a
 * filter, and what an export lists.
 */
export function positionsInView(store: Store, view: FeedView, after: number, through: number, max?: number): number[] {
  return store.feedScanner.every(resolveFilter(store, view, null).filter, after, through, max);
}

/** The filter of a view; `probe`: a page is wanted, and a broad search may fill it from the newest entries. */
function resolveFilter(store: Store, query: FeedView, probe: { before: number; limit: number } | null): Resolved {
  const alertsOnly = query.filter === 'alerts';
  const watched = query.filter === 'watched' ? store.watchedProductIds() : null;
  const search = query.q ? indexQuery(query.q) : null;
  if (!search) {
    if (!watched)
      return { filter: { kind: 'all', alertsOnly }, total: alertsOnly ? store.feed.alerts : store.feed.entries };
    return bySet(store, [...watched], alertsOnly);
  }
  const text = query.q ?? '';
  const words = wordsOf(text);
  const brands = store.catalogsNamed((fields) =>
    words.some((prefix) => fields.some((field) => hasWordStarting(field, prefix))),
  );
  if (brands.size > 0) return byNames(store, text, brands, watched, alertsOnly);
  const matches = textMatcher(text);
  if (watched && watched.size <= WATCHED_SEARCH_MAX) {
    const ids = store.feedLookups
      .productWords([...watched])
      .filter((product) => matches([product.name, product.item_id], product.catalog_id));
    return bySet(
      store,
      ids.map((product) => product.id),
      alertsOnly,
    );
  }
  // Catalog ids are not in the search index (one id is shared by a whole catalog): a search that may name one scans.
  if (words.some((word) => isCatalogIdWord(word) && store.products.hasCatalogIdStarting(word))) {
    return byNames(store, text, brands, watched, alertsOnly);
  }
  const textFilter: ScanFilter = {
    kind: 'text',
    alertsOnly,
    test: (product) =>
      matches([product.name, product.itemId], product.catalogId) && (!watched || watched.has(product.productId)),
  };
  if (probe) {
    const page = store.feedScanner.page(textFilter, probe.before, probe.limit, PROBE_ROWS);
    if (page.positions.length === probe.limit) return { filter: textFilter, total: null, page };
  }
  const candidates = store.feedLookups.searchCandidates(search.match, SEARCH_SET_MAX + 1);
  if (candidates.length > (search.needsCheck ? CHECKED_SET_MAX : SEARCH_SET_MAX))
    return { filter: textFilter, total: null };
  const matching = search.needsCheck
    ? store.feedLookups
        .productWords(candidates)
        .filter((product) => matches([product.name, product.item_id], product.catalog_id))
        .map((product) => product.id)
    : candidates;
  return bySet(store, watched ? matching.filter((id) => watched.has(id)) : matching, alertsOnly);
}

/**
 * A search that names a brand, a catalog or a catalog id ("acme tent", "24836"): those live with the catalogs, not in
 * the search index, so the feed is scanned and each product's words are tested together with its catalog's.
 */
function byNames(
  store: Store,
  text: string,
  brands: Set<string>,
  watched: Set<number> | null,
  alertsOnly: boolean,
): Resolved {
  const matches = textMatcher(text);
  const test = (row: { productId: number; name: string | null; itemId: string; catalogId: string }) => {
    if (watched && !watched.has(row.productId)) return false;
    const names: Partial<ProductState> = brands.has(row.catalogId)
      ? store.named({ catalogId: row.catalogId } as ProductState)
      : {};
    return matches([row.name, row.itemId, names.brandName, names.catalogName], row.catalogId);
  };
  return { filter: { kind: 'text', alertsOnly, test }, total: null };
}

function hasWordStarting(field: string, prefix: string): boolean {
  return wordsOf(field).some((word) => word.startsWith(prefix));
}

function bySet(store: Store, ids: number[], alertsOnly: boolean): Resolved {
  if (ids.length > INDEXED_PRODUCTS_MAX) {
    const set = new Set(ids);
    return { filter: { kind: 'match', alertsOnly, test: (id) => set.has(id) }, total: null };
  }
  const totals = store.feedLookups.productTotals(ids);
  return { filter: { kind: 'products', ids, alertsOnly }, total: alertsOnly ? totals.alerts : totals.entries };
}

/** The entries at these positions (newest first), with their products and this device's read state. */
export function entriesAt(store: Store, positions: number[], device: string): FeedEntry[] {
  if (positions.length === 0) return [];
  const rows = store.feedLookups.entriesAt(positions);
  const read = store.readState.readAmong(device, positions);
  const entries = rows.map((row) => {
    const product = store.named(publicState(fromRow(row)));
    return { ...entryFromRow(row, product.key), product, read: read.has(row.pos) };
  });
  return withLinkedPages(store.pageIndex, entries);
}

/**
 * For an event stream resuming after `after`: the next entries in order (oldest first), or `reset` when entries
 * after that point are gone (retention dropped them) or never existed here (a client ahead of this store). Paged by
 * feed position, so a page may end partway through a record and the next one continue right after it.
 */
export function entriesAfter(
  store: Store,
  after: StreamPoint,
  limit: number,
  device: string,
): { entries: FeedEntry[]; reset: boolean } {
  const whole = after.index === Number.POSITIVE_INFINITY;
  if (!whole && after.index >= ENTRIES_PER_RECORD) return { entries: [], reset: true };
  const afterPos = whole ? feedPos(after.seq + 1, 0) - 1 : feedPos(after.seq, after.index);
  if (after.seq > store.appliedSeq || afterPos < store.trimmedThrough) return { entries: [], reset: true };
  const positions = store.feedLookups.positionsAfter(afterPos, limit);
  return { entries: entriesAt(store, positions, device).reverse(), reset: false };
}
