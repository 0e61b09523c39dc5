// zod schemas of the domain model (shared/model.ts) for data that arrives over the network (a hub's answers and
// events) and that shared/schema/ has no schema of its own for. Objects are loose: a newer hub may add fields and an
// older follower keeps working. Feed entries and products use shared/schema/feed.ts (plain objects: extra fields
// are dropped, not refused).
import { z } from 'zod';
import {
  type HistoryPoint,
  type ProductSnapshot,
  type QuarantineEntry,
  type RawRequest,
  STOCK_VALUES,
} from './model.js';
import { alertSchema, feedEntrySchema, fieldChangeSchema, productStateSchema } from './schema/feed.js';

const operation = z.enum(['Insert', 'Update', 'Delete']);
const stockAvailability = z.enum(STOCK_VALUES);
const optionalNumber = z.number().optional();
const optionalString = z.string().optional();

export const productSnapshotSchema: z.ZodType<ProductSnapshot> = z.looseObject({
  operation,
  catalogId: z.string(),
  catalogItemId: z.string(),
  campaignId: optionalString,
  name: optionalString,
  url: optionalString,
  imageUrl: optionalString,
  currentPrice: optionalNumber,
  originalPrice: optionalNumber,
  currency: optionalString,
  stockAvailability: stockAvailability.optional(),
  inventory: optionalNumber,
});

export const historyPointSchema: z.ZodType<HistoryPoint> = z.looseObject({
  at: z.string(),
  currentPrice: optionalNumber,
  currency: optionalString,
  stockAvailability,
  inventory: optionalNumber,
});

export const rawRequestSchema: z.ZodType<RawRequest> = z.looseObject({
  method: z.string(),
  query: z.string(),
  contentType: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
});

export const quarantineEntrySchema: z.ZodType<QuarantineEntry> = z.looseObject({
  id: z.string(),
  seq: z.number(),
  at: z.string(),
  reason: z.string(),
  raw: rawRequestSchema,
});

// Settings: the one schema in shared/schema/settings.ts (a hub's settings are what its own UI saved).
export { settingsSchema } from './schema/settings.js';

export { alertSchema, feedEntrySchema, fieldChangeSchema, productStateSchema };
