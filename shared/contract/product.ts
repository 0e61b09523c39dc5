// A product as a postback describes it (the snapshot), as Shelfwatch keeps it (the state), and its history.
// Plain objects: Shelfwatch's own output, so a field a newer hub adds is dropped by an older reader, not refused.
import { z } from 'zod';
import { OPERATIONS, STOCK_VALUES } from './enums.js';
import { pageRefSchema } from './pages.js';
import { watchSchema } from './watch.js';

/** What a postback, a catch-up check and the stored state all say of an item. Missing means "not sent". */
const itemFields = {
  catalogId: z.string(),
  catalogItemId: z.string(),
  campaignId: z.string().optional(),
  name: z.string().optional(),
  url: z.string().optional(),
  imageUrl: z.string().optional(),
  currentPrice: z.number().optional(),
  originalPrice: z.number().optional(),
  currency: z.string().optional(),
  inventory: z.number().optional(),
};

/** The fields a postback can carry about an item, normalized. Missing means "not sent", never "cleared". */
export const productSnapshotSchema = z.object({
  operation: z.enum(OPERATIONS),
  /** the operation word as sent when it was none of Insert, Update, Delete (the snapshot is applied as an update) */
  unknownOperation: z.string().optional(),
  /** impact.com's Partner API id of the item, when the news came from a catch-up check */
  apiId: z.string().optional(),
  ...itemFields,
  stockAvailability: z.enum(STOCK_VALUES).optional(),
});

/** A product as Shelfwatch keeps it: the last value of each field any postback sent. */
export const productStateSchema = z.object({
  key: z.string(),
  ...itemFields,
  stockAvailability: z.enum(STOCK_VALUES),
  removed: z.boolean(),
  firstSeenAt: z.string(),
  updatedAt: z.string(),
  /** impact.com's Partner API id of the item (e.g. product_24836_ACME-TB-12), once a catch-up check has seen it */
  apiId: z.string().optional(),
  /** the brand (impact.com's AdvertiserName) and catalog name, once the catalogs are known */
  brandName: z.string().optional(),
  catalogName: z.string().optional(),
});

export const historyPointSchema = z.object({
  at: z.string(),
  currentPrice: z.number().optional(),
  currency: z.string().optional(),
  stockAvailability: z.enum(STOCK_VALUES),
  inventory: z.number().optional(),
  /** the item left the catalog here (its stock is the last it had); absent: listed */
  removed: z.boolean().optional(),
});

/** A product's page: its state, its history, the watches that cover it and the partner's pages that link to it. */
export const productDetailSchema = z.object({
  product: productStateSchema,
  history: z.array(historyPointSchema),
  watches: z.array(watchSchema),
  /** absent from a hub older than pages */
  pages: z.array(pageRefSchema).optional(),
});

export type ProductSnapshot = z.infer<typeof productSnapshotSchema>;
export type ProductState = z.infer<typeof productStateSchema>;
export type HistoryPoint = z.infer<typeof historyPointSchema>;
export type ProductDetail = z.infer<typeof productDetailSchema>;
