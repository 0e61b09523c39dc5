// Feed entries as the UI receives them (live events and feed pages). Plain objects rather than strict ones: these
// are Shelfwatch's own output, so a field added later is dropped by an older reader rather than refused.
import { z } from 'zod';
import { FEED_SOURCES, OPERATIONS, RULE_KINDS, STOCK_VALUES, TRACKED_FIELDS } from '../model.js';
import { linkedPagesSchema } from './pages.js';

export const productStateSchema = z.object({
  key: z.string(),
  catalogId: z.string(),
  catalogItemId: z.string(),
  campaignId: z.string().optional(),
  name: z.string().optional(),
  url: z.string().optional(),
  imageUrl: z.string().optional(),
  currentPrice: z.number().optional(),
  originalPrice: z.number().optional(),
  currency: z.string().optional(),
  stockAvailability: z.enum(STOCK_VALUES),
  inventory: z.number().optional(),
  removed: z.boolean(),
  firstSeenAt: z.string(),
  updatedAt: z.string(),
  /** impact.com's Partner API id of the item (e.g. product_24836_ACME-TB-12), once a catch-up check has seen it */
  apiId: z.string().optional(),
  /** the brand (impact.com's AdvertiserName) and catalog name, once the catalogs are known */
  brandName: z.string().optional(),
  catalogName: z.string().optional(),
});

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

export type ProductState = z.infer<typeof productStateSchema>;
export type FieldChange = z.infer<typeof fieldChangeSchema>;
export type Alert = z.infer<typeof alertSchema>;
export type FeedEntry = z.infer<typeof feedEntrySchema>;
