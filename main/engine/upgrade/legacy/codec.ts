// The store file's format. Products, history and the feed are written as rows of values rather than objects with
// repeated key names (at 100,000 products and 200,000 feed entries the file is about half the size and parses
// several times faster), and in lines of at most 5,000 rows, so reading it never holds more than one line of text.
import type { HistoryPoint, ProductState } from '../../../../shared/contract/product.js';
import { type FeedColumns, FeedLog } from './feed-log.js';
import { looksLikeStore, type StoreData } from './state.js';

// The column orders below ARE the file format: written out here on purpose rather than derived from the model's
// field lists, so reordering those can never misread a saved store.
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

const FORMAT = 3;
const PIECE_ROWS = 5_000;

/**
 * One JSON document a line: a header with the small parts, then pieces of at most 5,000 products, history lists or
 * feed entries, then an end line. Reading line by line keeps the start-up's peak memory to one piece of text at a
 * time, and the end line tells a complete file from a truncated one.
 */
type Line =
  | (Omit<StoreData, 'products' | 'history' | 'feed' | 'recentDeliveries'> & {
      format: typeof FORMAT;
      recentDeliveries: [string, number][];
    })
  | { products: Row[] }
  | { history: [string, Row[]][] }
  | { feedKeys: string[] }
  | { feed: Omit<FeedColumns, 'keys'> }
  | { end: { products: number; feed: number } };

export function encodeStore(data: StoreData): string {
  return [...storeTextParts(data)].join('');
}

/** The file's lines, in order; the data must not change until the last one is taken. */
export function* storeTextParts(data: StoreData): Generator<string> {
  const { products, history, feed, recentDeliveries, ...small } = data;
  yield line({ ...small, recentDeliveries: [...recentDeliveries], format: FORMAT });
  const productList = Object.values(products);
  for (const piece of pieces(productList)) yield line({ products: piece.map((p) => toRow(p, PRODUCT_FIELDS)) });
  for (const piece of pieces(Object.entries(history))) {
    yield line({ history: piece.map(([key, points]) => [key, points.map((p) => toRow(p, HISTORY_FIELDS))]) });
  }
  const { keys, ...columns } = feed.toColumns();
  for (const piece of pieces(keys)) yield line({ feedKeys: piece });
  for (let start = 0; start < feed.length; start += PIECE_ROWS) {
    const slice = Object.fromEntries(
      Object.entries(columns).map(([name, column]) => [name, (column as unknown[]).slice(start, start + PIECE_ROWS)]),
    ) as Omit<FeedColumns, 'keys'>;
    yield line({ feed: slice });
  }
  yield line({ end: { products: productList.length, feed: feed.length } });
}

/** The store, or null when the text is not a complete store file this version can read. */
export function decodeStore(text: string): StoreData | null {
  return decodeStoreLines(text.split('\n'));
}

/** Same as decodeStore, from the file's bytes, without turning the whole file into one string. */
export function decodeStoreBytes(bytes: Buffer): StoreData | null {
  return decodeStoreLines(linesOf(bytes));
}

function decodeStoreLines(lines: Iterable<string>): StoreData | null {
  let header: Record<string, unknown> | null = null;
  const products: Record<string, ProductState> = {};
  const history: Record<string, HistoryPoint[]> = {};
  const columns: FeedColumns = { keys: [], seq: [], sub: [], at: [], key: [], operation: [], flags: [], detail: [] };
  let productCount = 0;
  let end: { products: number; feed: number } | null = null;
  try {
    for (const text of lines) {
      if (!text) continue;
      if (end) return null; // nothing may follow the end line
      const item = JSON.parse(text) as Record<string, unknown>;
      if (!header) {
        if (item.format !== FORMAT) return null;
        header = item;
      } else if (Array.isArray(item.products)) {
        for (const row of item.products as Row[]) {
          const product = fromRow<ProductState>(row, PRODUCT_FIELDS);
          products[product.key] = product;
          productCount++;
        }
      } else if (Array.isArray(item.history)) {
        for (const [key, rows] of item.history as [string, Row[]][]) {
          history[key] = rows.map((row) => fromRow<HistoryPoint>(row, HISTORY_FIELDS));
        }
      } else if (Array.isArray(item.feedKeys)) {
        for (const key of item.feedKeys as string[]) columns.keys.push(key);
      } else if (item.feed && typeof item.feed === 'object') {
        appendColumns(columns, item.feed as Record<string, unknown[]>);
      } else if (item.end && typeof item.end === 'object') {
        end = item.end as { products: number; feed: number };
      } else {
        return null;
      }
    }
  } catch {
    return null;
  }
  if (!header || !end || end.products !== productCount) return null;
  const feed = FeedLog.fromColumns(columns);
  if (!feed || feed.length !== end.feed) return null;
  const { format: _format, recentDeliveries, ...small } = header;
  if (!Array.isArray(recentDeliveries)) return null;
  const data = { ...small, recentDeliveries: new Map(recentDeliveries as [string, number][]), products, history, feed };
  return looksLikeStore(data) && rowsAreSound(data) ? data : null;
}

function appendColumns(columns: FeedColumns, piece: Record<string, unknown[]>): void {
  for (const name of ['seq', 'sub', 'at', 'key', 'operation', 'flags', 'detail'] as const) {
    const values = piece[name];
    if (!Array.isArray(values)) throw new Error(`feed piece without ${name}`);
    const column = columns[name] as unknown[];
    for (const value of values) column.push(value);
  }
}

function line(value: Line): string {
  return `${JSON.stringify(value)}\n`;
}

function* pieces<T>(items: T[]): Generator<T[]> {
  for (let start = 0; start < items.length; start += PIECE_ROWS) yield items.slice(start, start + PIECE_ROWS);
}

function* linesOf(bytes: Buffer): Generator<string> {
  let start = 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end === -1 ? bytes.length : end;
    yield bytes.toString('utf8', start, stop);
    start = stop + 1;
  }
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

/** A cheap check that every row decoded into the shapes the engine relies on (a few typeof tests a row). */
function rowsAreSound(data: StoreData): boolean {
  for (const key in data.products) {
    const product = data.products[key] as ProductState;
    if (product.key !== key || typeof product.catalogItemId !== 'string' || typeof product.removed !== 'boolean') {
      return false;
    }
    if (typeof product.stockAvailability !== 'string' || typeof product.updatedAt !== 'string') return false;
  }
  for (const key in data.history) {
    const points = data.history[key];
    if (!Array.isArray(points) || !points.every((point) => typeof point.at === 'string')) return false;
  }
  return true;
}
