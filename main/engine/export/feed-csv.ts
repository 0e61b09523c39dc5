// The feed as CSV: the entries a view shows (its filter and search), newest first, each with what changed in words and
// the price and stock moves as plain values a spreadsheet can sort and sum.

import type { TrackedField } from '../../../shared/contract/enums.js';
import type { CsvExport } from '../../../shared/contract/export.js';
import { MAX_EXPORT_ROWS } from '../../../shared/contract/export.js';
import type { FeedEntry, FeedView, FieldChange } from '../../../shared/contract/feed.js';
import { describeEntry } from '../../../shared/domain/describe.js';
import { STOCK_LABELS } from '../../../shared/domain/stock.js';
import { entriesAt, positionsInView } from '../store/feed-page.js';
import type { Store } from '../store/store.js';
import { type CsvValue, csvDocument, fileNamePart } from './csv.js';

const HEADER = [
  'Time',
  'Catalog id',
  'Item id',
  'Product',
  'Brand',
  'Operation',
  'What changed',
  'Price from',
  'Price to',
  'Currency',
  'Stock from',
  'Stock to',
  'Alerts',
  'Read',
  'Source',
];

/** Entries are read from the database this many at a time. */
const READ_CHUNK = 500;

export function feedCsv(store: Store, view: FeedView, device: string, now: number): CsvExport {
  const positions = positionsInView(store, view, 0, Number.MAX_SAFE_INTEGER, MAX_EXPORT_ROWS + 1);
  const truncated = positions.length > MAX_EXPORT_ROWS;
  const kept = truncated ? positions.slice(0, MAX_EXPORT_ROWS) : positions;
  const csv = csvDocument(HEADER, rowsOf(store, kept, device));
  const filter = view.filter && view.filter !== 'all' ? `-${view.filter}` : '';
  const search = view.q?.trim() ? `-${fileNamePart(view.q.trim())}` : '';
  const day = new Date(now).toISOString().slice(0, 10);
  return { filename: `shelfwatch-feed${filter}${search}-${day}.csv`, csv, rows: kept.length, truncated };
}

function* rowsOf(store: Store, positions: readonly number[], device: string): Generator<CsvValue[]> {
  for (let start = 0; start < positions.length; start += READ_CHUNK) {
    for (const entry of entriesAt(store, positions.slice(start, start + READ_CHUNK), device)) yield rowOf(entry);
  }
}

function rowOf(entry: FeedEntry): CsvValue[] {
  const change = (field: TrackedField): FieldChange | undefined => entry.changes.find((c) => c.field === field);
  const price = change('currentPrice');
  const stock = change('stockAvailability');
  const currency = change('currency')?.to ?? entry.product.currency;
  const { product } = entry;
  return [
    entry.at,
    product.catalogId,
    product.catalogItemId,
    product.name,
    product.brandName,
    entry.isNew ? 'New' : entry.operation,
    describeEntry(entry),
    price?.from,
    price?.to,
    currency,
    stockWords(stock?.from),
    stockWords(stock?.to),
    entry.alerts.map((alert) => alert.message).join('; '),
    entry.read,
    entry.source === 'api' ? 'catch-up check' : 'postback',
  ];
}

function stockWords(value: FieldChange['from'] | undefined): string | undefined {
  return typeof value === 'string' && Object.hasOwn(STOCK_LABELS, value)
    ? STOCK_LABELS[value as keyof typeof STOCK_LABELS]
    : undefined;
}
