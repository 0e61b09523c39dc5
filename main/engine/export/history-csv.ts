// A product's history as CSV: one line per point, oldest first, as the product view's chart draws it.
import type { CsvExport } from '../../../shared/contract/export.js';
import type { HistoryPoint } from '../../../shared/contract/product.js';
import { STOCK_LABELS } from '../../../shared/domain/stock.js';
import { csvDocument, fileNamePart } from './csv.js';

const HEADER = ['Time', 'Price', 'Currency', 'Stock', 'Inventory', 'In catalog'];

export function historyCsv(product: { catalogId: string; catalogItemId: string }, history: HistoryPoint[]): CsvExport {
  const rows = history.map((point) => [
    point.at,
    point.currentPrice,
    point.currency,
    STOCK_LABELS[point.stockAvailability],
    point.inventory,
    !point.removed,
  ]);
  return {
    filename: `shelfwatch-history-${fileNamePart(product.catalogId)}-${fileNamePart(product.catalogItemId)}.csv`,
    csv: csvDocument(HEADER, rows),
    rows: rows.length,
    truncated: false,
  };
}
