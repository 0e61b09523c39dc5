// Products (current state), their history points, and the full-text search index over name and item id.
import type { StockAvailability } from '../../../../shared/contract/enums.js';
import type { HistoryPoint, ProductState } from '../../../../shared/contract/product.js';
import type { Db } from './open.js';
import type { SearchIndex } from './search-index.js';

export interface StoredProduct extends ProductState {
  id: number;
  historyCount: number;
  /** only a removal was ever seen: not a product to list (see apply/product.ts) */
  ghost: boolean;
}

export interface ProductRow {
  id: number;
  key: string;
  catalog_id: string;
  item_id: string;
  campaign_id: string | null;
  name: string | null;
  url: string | null;
  image_url: string | null;
  current_price: number | null;
  original_price: number | null;
  currency: string | null;
  stock: string;
  inventory: number | null;
  removed: number;
  api_id: string | null;
  ghost: number;
  first_seen_at: number;
  updated_at: number;
  history_count: number;
}

interface HistoryRow {
  at: number;
  price: number | null;
  currency: string | null;
  stock: string;
  inventory: number | null;
  removed: number;
}

/** Columns an index covers: an UPDATE that names them rewrites their index entries even when nothing changed. */
const IDENTITY_COLUMNS = 'key, catalog_id, item_id, campaign_id';
/** Columns a postback changes. */
const STATE_COLUMNS =
  'name, url, image_url, current_price, original_price, currency, stock, inventory, removed, api_id, ghost, first_seen_at, updated_at';
const COLUMN_COUNT = 17;
const STATE_COLUMN_COUNT = 13;

/** One piece of a count of history beyond a limit (see ProductTable.historyBeyond). */
export interface HistoryBeyond {
  /** products looked at; fewer than asked for: the end */
  seen: number;
  lastId: number | null;
  products: number;
  points: number;
}

export class ProductTable {
  private readonly byKeyStatement;
  private readonly byIdStatement;
  private readonly insertStatement;
  private readonly updateStatement;
  private readonly updateCampaignStatement;
  private readonly feedEntriesStatement;
  private readonly appendHistoryStatement;
  private readonly trimHistoryStatement;
  private readonly setHistoryCountStatement;
  private readonly historyStatement;
  private readonly countStatement;
  private readonly historyBeyondStatement;
  private readonly catalogIdStartingStatement;

  constructor(
    private readonly db: Db,
    private readonly search: SearchIndex,
  ) {
    this.byKeyStatement = db.prepare<[string], ProductRow>('SELECT * FROM products WHERE key = ?');
    this.byIdStatement = db.prepare<[number], ProductRow>('SELECT * FROM products WHERE id = ?');
    this.insertStatement = db.prepare(
      `INSERT INTO products (${IDENTITY_COLUMNS}, ${STATE_COLUMNS}) VALUES (${placeholders(COLUMN_COUNT)})`,
    );
    this.updateStatement = db.prepare(
      `UPDATE products SET (${STATE_COLUMNS}) = (${placeholders(STATE_COLUMN_COUNT)}) WHERE id = ?`,
    );
    this.updateCampaignStatement = db.prepare('UPDATE products SET campaign_id = ? WHERE id = ?');
    this.feedEntriesStatement = db.prepare<[number], number>('SELECT feed_entries FROM products WHERE id = ?').pluck();
    this.appendHistoryStatement = db.prepare(
      'INSERT OR REPLACE INTO history (product_id, pos, at, price, currency, stock, inventory, removed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.trimHistoryStatement = db.prepare(
      'DELETE FROM history WHERE product_id = ? AND pos IN (SELECT pos FROM history WHERE product_id = ? ORDER BY pos LIMIT ?)',
    );
    this.setHistoryCountStatement = db.prepare('UPDATE products SET history_count = ? WHERE id = ?');
    this.historyStatement = db.prepare<[number, number], HistoryRow>(
      'SELECT at, price, currency, stock, inventory, removed FROM history WHERE product_id = ? ORDER BY pos DESC LIMIT ?',
    );
    this.countStatement = db.prepare<[], { count: number }>('SELECT count(*) AS count FROM products WHERE NOT ghost');
    this.historyBeyondStatement = db.prepare<[number, number, number, number], HistoryBeyond>(
      `SELECT count(*) AS seen, max(id) AS lastId, coalesce(sum(history_count > ?), 0) AS products,
         coalesce(sum(max(history_count - ?, 0)), 0) AS points
       FROM (SELECT id, history_count FROM products WHERE id > ? ORDER BY id LIMIT ?)`,
    );
    // Catalog ids are digits, and ':' sorts right after '9': the range is every id that starts with the prefix.
    this.catalogIdStartingStatement = db
      .prepare<[string, string], number>('SELECT 1 FROM products WHERE catalog_id >= ? AND catalog_id < ? LIMIT 1')
      .pluck();
  }

  byKey(key: string): StoredProduct | undefined {
    const row = this.byKeyStatement.get(key);
    return row ? fromRow(row) : undefined;
  }

  byId(id: number): StoredProduct | undefined {
    const row = this.byIdStatement.get(id);
    return row ? fromRow(row) : undefined;
  }

  count(): number {
    return this.countStatement.get()?.count ?? 0;
  }

  /** Whether some product's catalog id starts with these digits (by index: one row at most is read). */
  hasCatalogIdStarting(digits: string): boolean {
    return this.catalogIdStartingStatement.get(digits, `${digits}:`) !== undefined;
  }

  /**
   * The history points beyond `limit` per product, in the next `chunk` products after `afterId` (by id): a count of
   * millions of products in pieces, so the receiver is not held up meanwhile.
   */
  historyBeyond(limit: number, afterId: number, chunk: number): HistoryBeyond {
    return (
      this.historyBeyondStatement.get(limit, limit, afterId, chunk) ?? { seen: 0, lastId: null, products: 0, points: 0 }
    );
  }

  /**
   * Saves a new or changed state; returns the product's id. An update writes only what a postback changes (the key
   * never changes for a row), so the key and catalog indexes are left alone: a postback then dirties half as many
   * database pages.
   */
  save(state: ProductState, stored: Pick<StoredProduct, 'id' | 'campaignId'> | undefined): number {
    if (stored === undefined) return Number(this.insertStatement.run(...toValues(state, false)).lastInsertRowid);
    this.updateStatement.run(...stateValues(state, false), stored.id);
    if (state.campaignId !== stored.campaignId) this.updateCampaignStatement.run(state.campaignId ?? null, stored.id);
    return stored.id;
  }

  /** Records an item only its removal was seen of (see StoredProduct.ghost). */
  saveGhost(state: ProductState): number {
    return Number(this.insertStatement.run(...toValues(state, true)).lastInsertRowid);
  }

  /**
   * Keeps the search index current when the name may have changed. Only a product the feed mentions is indexed (see
   * SearchIndex); a new one is added by its first feed entry.
   */
  renamed(id: number, state: ProductState): void {
    if ((this.feedEntriesStatement.get(id) ?? 0) > 0) this.search.put(id, state.name ?? null, state.catalogItemId);
  }

  /** Appends a point and drops the oldest beyond `limit`; returns the new count. */
  appendHistory(product: { id: number; historyCount: number }, pos: number, point: HistoryPoint, limit: number) {
    this.appendHistoryStatement.run(
      product.id,
      pos,
      Date.parse(point.at),
      point.currentPrice ?? null,
      point.currency ?? null,
      point.stockAvailability,
      point.inventory ?? null,
      point.removed ? 1 : 0,
    );
    return this.trimHistory(product.id, product.historyCount + 1, limit);
  }

  /** Products (not ghosts) first seen at or before `at` (ms): what the journal up to then had made. */
  countFirstSeenBy(at: number): number {
    return this.db
      .prepare<[number], number>('SELECT count(*) FROM products WHERE NOT ghost AND first_seen_at <= ?')
      .pluck()
      .get(at) as number;
  }

  /** Item ids of the listed (not removed) products of a catalog: what a catalog check may find gone. */
  listedItemsOf(catalogId: string): Set<string> {
    const rows = this.db
      .prepare<[string], string>('SELECT item_id FROM products WHERE catalog_id = ? AND NOT removed AND NOT ghost')
      .pluck()
      .all(catalogId);
    return new Set(rows);
  }

  /**
   * Points written in bulk, oldest first: from before feed positions existed (an upgraded store: their index is their
   * position), or with the feed positions of the changes that made them (the bench's seeded stores).
   */
  importHistory(id: number, points: HistoryPoint[], positions?: readonly number[]): void {
    for (const [index, point] of points.entries()) {
      this.appendHistoryStatement.run(
        id,
        positions?.[index] ?? index,
        Date.parse(point.at),
        point.currentPrice ?? null,
        point.currency ?? null,
        point.stockAvailability,
        point.inventory ?? null,
        point.removed ? 1 : 0,
      );
    }
    this.setHistoryCountStatement.run(points.length, id);
  }

  trimHistory(id: number, count: number, limit: number): number {
    if (count > limit) this.trimHistoryStatement.run(id, id, count - limit);
    const kept = Math.min(count, limit);
    this.setHistoryCountStatement.run(kept, id);
    return kept;
  }

  /** Oldest first, at most `limit` of the newest points. */
  history(id: number, limit: number): HistoryPoint[] {
    return this.historyStatement.all(id, limit).reverse().map(historyFromRow);
  }
}

function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

function toValues(state: ProductState, ghost: boolean) {
  return [state.key, state.catalogId, state.catalogItemId, state.campaignId ?? null, ...stateValues(state, ghost)];
}

function stateValues(state: ProductState, ghost: boolean) {
  return [
    state.name ?? null,
    state.url ?? null,
    state.imageUrl ?? null,
    state.currentPrice ?? null,
    state.originalPrice ?? null,
    state.currency ?? null,
    state.stockAvailability,
    state.inventory ?? null,
    state.removed ? 1 : 0,
    state.apiId ?? null,
    ghost ? 1 : 0,
    Date.parse(state.firstSeenAt),
    Date.parse(state.updatedAt),
  ];
}

export function fromRow(row: ProductRow): StoredProduct {
  const state: StoredProduct = {
    id: row.id,
    historyCount: row.history_count,
    ghost: row.ghost === 1,
    key: row.key,
    catalogId: row.catalog_id,
    catalogItemId: row.item_id,
    stockAvailability: row.stock as StockAvailability,
    removed: row.removed === 1,
    firstSeenAt: new Date(row.first_seen_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
  if (row.campaign_id !== null) state.campaignId = row.campaign_id;
  if (row.name !== null) state.name = row.name;
  if (row.url !== null) state.url = row.url;
  if (row.image_url !== null) state.imageUrl = row.image_url;
  if (row.current_price !== null) state.currentPrice = row.current_price;
  if (row.original_price !== null) state.originalPrice = row.original_price;
  if (row.currency !== null) state.currency = row.currency;
  if (row.inventory !== null) state.inventory = row.inventory;
  if (row.api_id !== null) state.apiId = row.api_id;
  return state;
}

function historyFromRow(row: HistoryRow): HistoryPoint {
  const point: HistoryPoint = { at: new Date(row.at).toISOString(), stockAvailability: row.stock as StockAvailability };
  if (row.price !== null) point.currentPrice = row.price;
  if (row.currency !== null) point.currency = row.currency;
  if (row.inventory !== null) point.inventory = row.inventory;
  if (row.removed === 1) point.removed = true;
  return point;
}

/** The public state: the database's id and bookkeeping stay inside the store. */
export function publicState(product: StoredProduct): ProductState {
  const { id: _id, historyCount: _count, ghost: _ghost, ...state } = product;
  return state;
}
