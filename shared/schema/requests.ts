// The request of every UI API method, parsed from unknown before the method runs (both transports: HTTP and IPC
// reach the engine through createService, which parses with parseApiRequest first).
import { z } from 'zod';
import type { ApiMethod } from '../api.js';
import { addDeviceRequestSchema } from './devices.js';
import { feedItemIdSchema, productKeySchema } from './ids.js';
import { catalogSearchSchema, connectImpactAccountSchema, reconcileRequestSchema } from './impact.js';
import { markReadIdsSchema } from './journal.js';
import { parseOrThrow } from './messages.js';
import { addSiteSchema, pageLinksQuerySchema, pagesQuerySchema, siteIdSchema } from './pages.js';
import { mappingSchema, settingsPatchSchema } from './settings.js';
import { watchIdSchema, watchInputSchema, watchPatchSchema } from './watches.js';

export const MAX_FEED_PAGE = 200;
export const MAX_SEARCH_CHARS = 200;
/** The receiver's body limit: a preview is of a postback the receiver could have taken. */
export const MAX_POSTBACK_BODY_BYTES = 64 * 1024;

/** Query strings carry text: "50" is read as the number 50 (HTTP); IPC sends the number itself. */
const fromQueryText = (value: unknown) =>
  typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;

/** Methods without input take nothing (IPC: undefined; HTTP: no fields). */
const noInput = z.preprocess((value) => value ?? {}, z.strictObject({}));

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
  filter: z.enum(['all', 'watched', 'alerts']).optional(),
  q: z.string().max(MAX_SEARCH_CHARS).optional(),
});

export const markReadSchema = z.strictObject({ ids: markReadIdsSchema.optional(), all: z.boolean().optional() });

/** A received postback (from the quarantine) or a pasted sample, to preview what the mapping makes of it. */
export const previewRawSchema = z.strictObject({
  method: z.string().max(10).optional(),
  query: z.string().max(16_384),
  contentType: z.string().max(200).optional(),
  headers: z.record(z.string().max(100), z.string().max(8_192)).optional(),
  body: z.string().max(MAX_POSTBACK_BODY_BYTES),
});

export const API_REQUEST_SCHEMAS = {
  status: noInput,
  setup: noInput,
  feed: feedQuerySchema,
  markRead: markReadSchema,
  product: z.strictObject({ key: productKeySchema }),
  listWatches: noInput,
  createWatch: watchInputSchema,
  updateWatch: watchPatchSchema.extend({ id: watchIdSchema }),
  deleteWatch: z.strictObject({ id: watchIdSchema }),
  quarantine: noInput,
  reprocessQuarantine: noInput,
  getSettings: noInput,
  updateSettings: settingsPatchSchema,
  regenerateSecret: noInput,
  previewMapping: z.strictObject({ raw: previewRawSchema, mapping: mappingSchema }),
  addDevice: addDeviceRequestSchema,
  listDevices: noInput,
  revokeDevice: z.strictObject({ id: z.string().min(1).max(64) }),
  getImpactAccount: noInput,
  connectImpactAccount: connectImpactAccountSchema,
  disconnectImpactAccount: noInput,
  listCatalogs: noInput,
  searchCatalog: catalogSearchSchema,
  reconcile: z.preprocess((value) => value ?? {}, reconcileRequestSchema),
  listSites: noInput,
  addSite: addSiteSchema,
  deleteSite: z.strictObject({ id: siteIdSchema }),
  scanSites: noInput,
  listPages: pagesQuerySchema,
  pageLinks: pageLinksQuerySchema,
} satisfies { [M in ApiMethod]: z.ZodType };

export type ParsedRequest<M extends ApiMethod> = z.output<(typeof API_REQUEST_SCHEMAS)[M]>;

export type FeedQuery = z.infer<typeof feedQuerySchema>;
export type MarkReadRequest = z.infer<typeof markReadSchema>;
export type PreviewMappingRequest = z.infer<(typeof API_REQUEST_SCHEMAS)['previewMapping']>;

/** The request, complete and typed, or a 400 ApiError naming the field. */
export function parseApiRequest<M extends ApiMethod>(method: M, input: unknown): ParsedRequest<M> {
  return parseOrThrow(API_REQUEST_SCHEMAS[method], input) as ParsedRequest<M>;
}
