// The store file's format. Products, history and the feed are written as rows of values rather than objects with
// repeated key names: at 100,000 products and 200,000 feed entries that makes the file less than half the size and
// JSON.parse several times faster, which is most of the start-up time.
import type { HistoryPoint, ProductState } from '../../../shared/model.js';
import { type FeedColumns, FeedLog } from './feed-log.js';
import { looksLikeStore, type StoreData } from './state.js';

const PRODUCT_FIELDS = [
  'key',
  'catalogId',
  'catalogItemId',
  'campaignId',
  'name',
  'url',
  'imageUrl',
  'currentPrice',
  'originalPrice',
  'currency',
  'stockAvailability',
  'inventory',
  'removed',
  'firstSeenAt',
  'updatedAt',
] as const satisfies readonly (keyof ProductState)[];

const HISTORY_FIELDS = [
  'at',
  'currentPrice',
  'currency',
  'stockAvailability',
  'inventory',
] as const satisfies readonly (keyof HistoryPoint)[];

type Row = unknown[];

interface StoreFile extends Omit<StoreData, 'products' | 'history' | 'feed'> {
  format: 2;
  products: Row[];
  history: Record<string, Row[]>;
  feed: FeedColumns;
}

export function encodeStore(data: StoreData): string {
  const history: Record<string, Row[]> = {};
  for (const [key, points] of Object.entries(data.history)) history[key] = points.map((p) => toRow(p, HISTORY_FIELDS));
  const file: StoreFile = {
    ...data,
    format: 2,
    products: Object.values(data.products).map((product) => toRow(product, PRODUCT_FIELDS)),
    history,
    feed: data.feed.toColumns(),
  };
  return JSON.stringify(file);
}

/** The store, or null when the text is not a store file this version can read. */
export function decodeStore(text: string): StoreData | null {
  let file: StoreFile;
  try {
    file = JSON.parse(text) as StoreFile;
  } catch {
    return null;
  }
  if (file?.format !== 2 || !Array.isArray(file.products) || typeof file.feed !== 'object') return null;
  if (typeof file.history !== 'object' || file.history === null) return null;
  const products: Record<string, ProductState> = {};
  for (const row of file.products) {
    const product = fromRow<ProductState>(row, PRODUCT_FIELDS);
    products[product.key] = product;
  }
  const history: Record<string, HistoryPoint[]> = {};
  for (const [key, rows] of Object.entries(file.history)) {
    history[key] = rows.map((row) => fromRow<HistoryPoint>(row, HISTORY_FIELDS));
  }
  const feed = FeedLog.fromColumns(file.feed);
  if (!feed) return null;
  const { format: _format, ...rest } = file;
  const data = { ...rest, products, history, feed };
  return looksLikeStore(data) && rowsAreSound(data) ? data : null;
}

function toRow<T extends object>(item: T, fields: readonly (keyof T)[]): Row {
  const row: Row = new Array(fields.length);
  for (let i = 0; i < fields.length; i++) row[i] = item[fields[i] as keyof T] ?? null;
  return row;
}

/** Absent optional fields are written as null and read back as absent. */
function fromRow<T>(row: Row, fields: readonly string[]): T {
  const item: Record<string, unknown> = {};
  if (!Array.isArray(row)) return item as T;
  for (let i = 0; i < fields.length; i++) {
    const value = row[i];
    if (value !== null && value !== undefined) item[fields[i] as string] = value;
  }
  return item as T;
}

/** A cheap check that the rows decoded into the shapes the engine relies on. */
function rowsAreSound(data: StoreData): boolean {
  const product = Object.values(data.products)[0];
  return !product || (typeof product.key === 'string' && typeof product.removed === 'boolean');
}
