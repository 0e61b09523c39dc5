// The impact.com account and its Partner API as the UI API offers them (issue 12): the account (never its token),
// catalogs, catalog search, and the catch-up check ("reconcile") that fetches the current state of watched items.
import { z } from 'zod';
import { STOCK_VALUES } from './enums.js';
import { productKeySchema } from './ids.js';

/** What the UI may know of the account: never the Auth Token (it is stored, not shown again). */
export const impactAccountSchema = z.object({
  /** null when no account is connected */
  accountSid: z.string().nullable(),
  connected: z.boolean(),
  lastCatalogSyncAt: z.string().nullable(),
  /** what impact.com last said of the hourly budget */
  rateLimit: z.object({ remaining: z.number(), resetAt: z.string().nullable() }).nullable(),
});

export const connectImpactAccountSchema = z.strictObject({
  accountSid: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{8,64}$/, { error: 'must be the Account SID from impact.com (letters and digits)' }),
  authToken: z.string().trim().min(8, { error: 'is missing: paste the Auth Token from impact.com' }).max(200),
});

export const catalogSearchSchema = z.strictObject({
  q: z.string().trim().max(200).default(''),
  catalogId: z
    .string()
    .regex(/^\d{1,20}$/, { error: 'must be a catalog id (a number)' })
    .optional(),
  /** the `next` of the previous page, as it came */
  cursor: z.string().max(2_000).optional(),
});

export const reconcileRequestSchema = z.strictObject({
  /** product keys to check; absent: every watched item */
  keys: z.array(productKeySchema).max(10_000).optional(),
});

/** IPC may send nothing at all for "every watched item". */
export const reconcileSchema = z.preprocess(
  (value: z.input<typeof reconcileRequestSchema>) => value ?? {},
  reconcileRequestSchema,
);

/** The catch-up check's progress, in GET /api/status and `status` events. */
export const reconcileStatusSchema = z.object({
  running: z.boolean(),
  checked: z.number(),
  total: z.number(),
  changed: z.number(),
  failed: z.number(),
  lastFinishedAt: z.string().nullable(),
  nextAt: z.string().nullable(),
  /** in plain words, when the last run could not finish (credentials, impact.com unreachable) */
  error: z.string().nullable(),
});

export type ImpactAccount = z.infer<typeof impactAccountSchema>;
export type ConnectImpactAccount = z.infer<typeof connectImpactAccountSchema>;
export type CatalogSearch = z.input<typeof catalogSearchSchema>;
export type ReconcileRequest = z.infer<typeof reconcileRequestSchema>;
export type ReconcileStatus = z.infer<typeof reconcileStatusSchema>;

/** The catch-up check before it ever ran. */
export const IDLE_RECONCILE: Readonly<ReconcileStatus> = {
  running: false,
  checked: 0,
  total: 0,
  changed: 0,
  failed: 0,
  lastFinishedAt: null,
  nextAt: null,
  error: null,
};

/** One brand's product catalog, as impact.com's Partner API lists it (GET /api/catalogs). */
export const catalogSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** the brand, as people know it ("Acme Outdoor") */
  advertiserName: z.string(),
  campaignId: z.string(),
  campaignName: z.string(),
  /** null when impact.com left it empty */
  numberOfItems: z.number().nullable(),
  /** ISO 8601 in UTC; changes whenever the brand changes the catalog. null when missing or unreadable */
  dateLastUpdated: z.string().nullable(),
  currency: z.string(),
});

/** One search result (GET /api/catalog-search). Text fields are '' when impact.com sent nothing. */
export const catalogItemSchema = z.object({
  /** impact.com's own item Id (`product_24836_APP-0016`), the cheapest way to fetch it again; null when absent */
  apiId: z.string().nullable(),
  catalogId: z.string(),
  catalogItemId: z.string(),
  name: z.string(),
  manufacturer: z.string(),
  /** the partner's tracking link */
  url: z.string(),
  imageUrl: z.string(),
  currentPrice: z.number().nullable(),
  originalPrice: z.number().nullable(),
  currency: z.string(),
  /** null when impact.com sent no availability */
  stockAvailability: z.enum(STOCK_VALUES).nullable(),
  /** the catalog's AdvertiserName; the item's CampaignName when the catalog is not known */
  brandName: z.string(),
  /** whether a watch covers this item: filled by the engine */
  watched: z.boolean(),
});

export const catalogPageSchema = z.object({
  items: z.array(catalogItemSchema),
  /** pass as `cursor` for the next page; null at the end */
  next: z.string().nullable(),
});

/** The catch-up check was started: how many items it will look at (its progress is in the status). */
export const reconcileStartedSchema = z.object({ total: z.number() });

export type Catalog = z.infer<typeof catalogSchema>;
export type CatalogItem = z.infer<typeof catalogItemSchema>;
export type CatalogPage = z.infer<typeof catalogPageSchema>;
