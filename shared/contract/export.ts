// Exports as CSV: the feed with a view's filter and search, and a product's history. The UI API answers the file's
// name and text; the browser saves it as a download, the desktop through a save dialog (shell:saveExport).
import { z } from 'zod';
import { feedViewSchema } from './feed.js';
import { productKeySchema } from './ids.js';

/** The newest entries an export holds at most: a spreadsheet's worth, and an answer that stays a few megabytes. */
export const MAX_EXPORT_ROWS = 100_000;

export const csvExportSchema = z.object({
  /** a file name to suggest, e.g. shelfwatch-feed-alerts-2026-12-07.csv */
  filename: z.string(),
  /** the file's text: UTF-8 with a byte order mark (so spreadsheets read accents right), CRLF line ends */
  csv: z.string(),
  /** data rows, without the header */
  rows: z.number(),
  /** more matched than MAX_EXPORT_ROWS: the file holds the newest */
  truncated: z.boolean(),
});

/** What to export, as the desktop's save action receives it. */
export const exportRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('feed'), view: feedViewSchema.optional() }),
  z.strictObject({ kind: z.literal('history'), key: productKeySchema }),
]);

export const savedExportSchema = z.object({
  /** false: the user closed the save dialog */
  saved: z.boolean(),
  rows: z.number(),
  truncated: z.boolean(),
});

export type CsvExport = z.infer<typeof csvExportSchema>;
export type ExportRequest = z.input<typeof exportRequestSchema>;
export type SavedExport = z.infer<typeof savedExportSchema>;
