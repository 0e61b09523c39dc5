// The impact.com account and its Partner API as the UI API offers them (issue 12): the account (never its token),
// catalogs, catalog search, and the catch-up check ("reconcile") that fetches the current state of watched items.
import { z } from 'zod';
import type { Catalog, CatalogItem } from '../impact-catalog.js';
import { STOCK_VALUES } from '../model.js';
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

/** A catalog as the UI API answers it (typed against shared/impact-catalog.ts, the client's own shape). */
export const catalogSchema: z.ZodType<Catalog> = z.object({
  id: z.string(),
  name: z.string(),
  advertiserName: z.string(),
  campaignId: z.string(),
  campaignName: z.string(),
  numberOfItems: z.number().nullable(),
  dateLastUpdated: z.string().nullable(),
  currency: z.string(),
});

export const catalogItemSchema: z.ZodType<CatalogItem> = z.object({
  apiId: z.string().nullable(),
  catalogId: z.string(),
  catalogItemId: z.string(),
  name: z.string(),
  manufacturer: z.string(),
  url: z.string(),
  imageUrl: z.string(),
  currentPrice: z.number().nullable(),
  originalPrice: z.number().nullable(),
  currency: z.string(),
  stockAvailability: z.enum(STOCK_VALUES).nullable(),
  brandName: z.string(),
  watched: z.boolean(),
});
