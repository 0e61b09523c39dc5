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
  return [...storeTextParts(data)].join('');
}

/**
 * The same text as encodeStore, in pieces of a few thousand rows, so a caller can write a large store without
 * holding the event loop for the whole encoding (the receiver keeps answering between pieces). The data must not
 * change until the last piece is taken.
 */
export function* storeTextParts(data: StoreData): Generator<string> {
  const { products, history, feed, ...small } = data;
  const head = JSON.stringify({ ...small, format: 2 });
  yield `${head.slice(0, -1)},"products":[`;
  yield* joined(Object.values(products), (product) => JSON.stringify(toRow(product, PRODUCT_FIELDS)));
  yield '],"history":{';
  yield* joined(Object.entries(history), ([key, points]) => {
    return `${JSON.stringify(key)}:${JSON.stringify(points.map((point) => toRow(point, HISTORY_FIELDS)))}`;
  });
  yield '},"feed":{';
  let first = true;
  for (const [name, column] of Object.entries(feed.toColumns())) {
    yield `${first ? '' : ','}${JSON.stringify(name)}:[`;
    yield* joined(column as unknown[], (value) => JSON.stringify(value));
    yield ']';
    first = false;
  }
  yield '}}';
}

const PIECE_ROWS = 5_000;

function* joined<T>(items: T[], encode: (item: T) => string): Generator<string> {
  for (let start = 0; start < items.length; start += PIECE_ROWS) {
    const piece = items
      .slice(start, start + PIECE_ROWS)
      .map(encode)
      .join(',');
    yield start === 0 ? piece : `,${piece}`;
  }
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
