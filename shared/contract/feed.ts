// The feed: entries as the UI receives them (feed pages and live events), the page query and marking entries read.
// Entries are plain objects rather than strict ones: Shelfwatch's own output, so a field added later is dropped by an
// older reader rather than refused.
import { z } from 'zod';
import { FEED_FILTERS, FEED_SOURCES, OPERATIONS, RULE_KINDS, TRACKED_FIELDS } from './enums.js';
import { feedItemIdSchema } from './ids.js';
import { linkedPagesSchema } from './pages.js';
import { productStateSchema } from './product.js';

const changeValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const fieldChangeSchema = z.object({ field: z.enum(TRACKED_FIELDS), from: changeValue, to: changeValue });

export const alertSchema = z.object({ watchId: z.string(), kind: z.enum(RULE_KINDS), message: z.string() });

export const feedEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  seq: z.number(),
  key: z.string(),
  product: productStateSchema,
  operation: z.enum(OPERATIONS),
  /** the operation word the postback carried when it was none of Insert, Update, Delete (applied as an update) */
  unknownOperation: z.string().optional(),
  /** the product's first entry: `changes` then lists its starting values (each `from: null`) */
  isNew: z.boolean(),
  source: z.enum(FEED_SOURCES),
  changes: z.array(fieldChangeSchema),
  alerts: z.array(alertSchema),
  read: z.boolean(),
  /** the partner's pages that link to the product (at most 5 named), when any does */
  pages: linkedPagesSchema.optional(),
});

export const feedPageSchema = z.object({
  items: z.array(feedEntrySchema),
  /** pass as `before` to get the next page; null at the end */
  next: z.string().nullable(),
  /** how many entries match; null when counting would cost more than the page (a broad search) */
  total: z.number().nullable(),
});

export const MAX_FEED_PAGE = 200;
export const MAX_SEARCH_CHARS = 200;

/** Query strings carry text: "50" is read as the number 50 (HTTP); callers and IPC send the number itself. */
export const fromQueryText = (value: number) =>
  typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;

/** What the feed shows: a page's filter and search, and so what "Mark all read" marks. */
export const feedViewSchema = z.strictObject({
  filter: z.enum(FEED_FILTERS).optional(),
  q: z.string().max(MAX_SEARCH_CHARS).optional(),
});

export const feedQuerySchema = z.strictObject({
  limit: z
    .preprocess(
      fromQueryText,
      z
        .int()
        .min(1)
        .max(MAX_FEED_PAGE, { error: `must be at most ${MAX_FEED_PAGE}` }),
    )
    .optional(),
  /** a feed entry id: return entries older than it */
  before: z.union([feedItemIdSchema, z.literal('')]).optional(),
  ...feedViewSchema.shape,
});

export const MAX_MARK_READ_IDS = 10_000;

export const markReadIdsSchema = z.array(feedItemIdSchema).max(MAX_MARK_READ_IDS);

/** Names one "mark all read", for its Undo. */
export const markReadUndoIdSchema = z.string().min(1).max(64);

export const markReadSchema = z.strictObject({
  ids: markReadIdsSchema.optional(),
  all: z.boolean().optional(),
  /** the ids become unread again (not with `all`) */
  unread: z.boolean().optional(),
  /** with `all`: mark only what the feed shows with these (absent: every entry) */
  filter: feedViewSchema.optional(),
});

export const unreadCountSchema = z.object({ unread: z.number() });

export const markedReadSchema = unreadCountSchema.extend({
  /** with `all`: how many entries it marked read */
  marked: z.number().optional(),
  /** with `all`, when it marked any: pass to undoMarkRead to make exactly those unread again */
  undoId: markReadUndoIdSchema.optional(),
});

export const undoMarkReadSchema = z.strictObject({ id: markReadUndoIdSchema });

export const markReadUndoneSchema = unreadCountSchema.extend({
  /** how many entries are unread again */
  restored: z.number(),
});

export type FieldChange = z.infer<typeof fieldChangeSchema>;
export type Alert = z.infer<typeof alertSchema>;
export type FeedEntry = z.infer<typeof feedEntrySchema>;
export type FeedPage = z.infer<typeof feedPageSchema>;
export type FeedQuery = z.input<typeof feedQuerySchema>;
export type FeedView = z.input<typeof feedViewSchema>;
export type MarkReadRequest = z.input<typeof markReadSchema>;
