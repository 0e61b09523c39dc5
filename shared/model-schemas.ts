// zod schemas of the domain model (shared/model.ts), for data that arrives over the network (a hub's answers and
// events). Objects are loose: a newer hub may add fields and an older follower keeps working. Each schema is typed
// against its interface, so a required field added to the model without its schema here is a compile error.
import { z } from 'zod';
import {
  type Alert,
  type FeedEntry,
  type FieldChange,
  type HistoryPoint,
  type ProductSnapshot,
  type ProductState,
  type QuarantineEntry,
  type RawRequest,
  RULE_KINDS,
  type Settings,
  STOCK_VALUES,
  TRACKED_FIELDS,
  type Watch,
  type WatchRule,
} from './model.js';

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

export const productStateSchema: z.ZodType<ProductState> = z.looseObject({
  key: z.string(),
  catalogId: z.string(),
  catalogItemId: z.string(),
  campaignId: optionalString,
  name: optionalString,
  url: optionalString,
  imageUrl: optionalString,
  currentPrice: optionalNumber,
  originalPrice: optionalNumber,
  currency: optionalString,
  stockAvailability,
  inventory: optionalNumber,
  removed: z.boolean(),
  firstSeenAt: z.string(),
  updatedAt: z.string(),
});

const changeValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const fieldChangeSchema: z.ZodType<FieldChange> = z.looseObject({
  field: z.enum(TRACKED_FIELDS),
  from: changeValue,
  to: changeValue,
});

export const historyPointSchema: z.ZodType<HistoryPoint> = z.looseObject({
  at: z.string(),
  currentPrice: optionalNumber,
  currency: optionalString,
  stockAvailability,
  inventory: optionalNumber,
});

const ruleKind = z.enum(RULE_KINDS);
const watchRuleSchema: z.ZodType<WatchRule> = z.looseObject({ kind: ruleKind, value: optionalNumber });

export const watchSchema: z.ZodType<Watch> = z.looseObject({
  id: z.string(),
  target: z.looseObject({ catalogId: z.string(), catalogItemId: z.string() }),
  rules: z.array(watchRuleSchema),
  muted: z.boolean(),
  createdAt: z.string(),
});

const alertSchema: z.ZodType<Alert> = z.looseObject({ watchId: z.string(), kind: ruleKind, message: z.string() });

export const feedEntrySchema: z.ZodType<FeedEntry> = z.looseObject({
  id: z.string(),
  at: z.string(),
  seq: z.number(),
  key: z.string(),
  product: productStateSchema,
  operation,
  unknownOperation: optionalString,
  isNew: z.boolean(),
  source: z.enum(['postback', 'api']),
  changes: z.array(fieldChangeSchema),
  alerts: z.array(alertSchema),
  read: z.boolean(),
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

export const settingsSchema: z.ZodType<Settings> = z.looseObject({
  mapping: z.record(z.string(), z.string()),
  notifications: z.looseObject({
    enabled: z.boolean(),
    digestWindowSeconds: z.number(),
    quietHours: z.looseObject({ start: z.string(), end: z.string() }).nullable(),
    sound: z.boolean(),
  }),
  launchAtLogin: z.boolean(),
  retention: z.looseObject({ feedEntries: z.number(), historyPerProduct: z.number(), journalDays: z.number() }),
  receiver: z.looseObject({
    host: z.string(),
    port: z.number(),
    headerName: z.string(),
    headerValue: z.string(),
  }),
  alertsPausedUntil: z.string().nullable(),
});
