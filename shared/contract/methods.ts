// The request and the answer of every UI API method, as schemas: the engine parses each request with `req` before
// the method runs (createService, whichever transport called), and the clients that receive answers over the network
// (the browser, the desktop following a hub) check them with `res`. Request and answer types come from here.
import { z } from 'zod';
import { backupListSchema } from './backups.js';
import {
  channelIdSchema,
  channelInputSchema,
  channelPatchSchema,
  channelSchema,
  createdChannelSchema,
} from './channel.js';
import { addDeviceRequestSchema, addedDeviceSchema, deviceSchema, revokeDeviceSchema } from './device.js';
import { csvExportSchema } from './export.js';
import {
  feedPageSchema,
  feedQuerySchema,
  feedViewSchema,
  markedReadSchema,
  markReadSchema,
  markReadUndoneSchema,
  undoMarkReadSchema,
} from './feed.js';
import { productKeySchema } from './ids.js';
import {
  catalogPageSchema,
  catalogSchema,
  catalogSearchSchema,
  connectImpactAccountSchema,
  impactAccountSchema,
  reconcileSchema,
  reconcileStartedSchema,
} from './impact.js';
import { mappingPreviewSchema, previewMappingSchema } from './mapping.js';
import {
  addSiteSchema,
  pageLinksPageSchema,
  pageLinksQuerySchema,
  pageScanStatusSchema,
  pagesPageSchema,
  pagesQuerySchema,
  siteIdSchema,
  siteSchema,
  sitesListSchema,
} from './pages.js';
import { productDetailSchema } from './product.js';
import { dismissedSchema, dismissQuarantineSchema, quarantineEntrySchema, reprocessedSchema } from './quarantine.js';
import type { ApiMethod } from './routes.js';
import {
  retentionPreviewRequestSchema,
  retentionPreviewSchema,
  settingsPatchSchema,
  settingsSchema,
} from './settings.js';
import { setupSchema } from './setup.js';
import { statusSchema } from './status.js';
import { watchIdSchema, watchInputSchema, watchPatchSchema, watchSchema } from './watch.js';

/** Methods without input take nothing (IPC: undefined; HTTP: no fields). */
const noInput = z.preprocess((value: undefined) => value ?? {}, z.strictObject({}));

const deletedSchema = z.object({ deleted: z.boolean() });

export const API_METHOD_SCHEMAS = {
  status: { req: noInput, res: statusSchema },
  setup: { req: noInput, res: setupSchema },
  feed: { req: feedQuerySchema, res: feedPageSchema },
  markRead: { req: markReadSchema, res: markedReadSchema },
  undoMarkRead: { req: undoMarkReadSchema, res: markReadUndoneSchema },
  exportFeed: { req: feedViewSchema, res: csvExportSchema },
  product: { req: z.strictObject({ key: productKeySchema }), res: productDetailSchema },
  exportHistory: { req: z.strictObject({ key: productKeySchema }), res: csvExportSchema },
  listWatches: { req: noInput, res: z.array(watchSchema) },
  createWatch: { req: watchInputSchema, res: watchSchema },
  updateWatch: { req: watchPatchSchema.extend({ id: watchIdSchema }), res: watchSchema },
  deleteWatch: { req: z.strictObject({ id: watchIdSchema }), res: deletedSchema },
  quarantine: { req: noInput, res: z.array(quarantineEntrySchema) },
  reprocessQuarantine: { req: noInput, res: reprocessedSchema },
  dismissQuarantine: { req: dismissQuarantineSchema, res: dismissedSchema },
  getSettings: { req: noInput, res: settingsSchema },
  updateSettings: { req: settingsPatchSchema, res: settingsSchema },
  previewRetention: { req: retentionPreviewRequestSchema, res: retentionPreviewSchema },
  regenerateSecret: { req: noInput, res: setupSchema },
  acknowledgeUrlChange: { req: noInput, res: statusSchema },
  previewMapping: { req: previewMappingSchema, res: mappingPreviewSchema },
  addDevice: { req: addDeviceRequestSchema, res: addedDeviceSchema },
  listDevices: { req: noInput, res: z.array(deviceSchema) },
  revokeDevice: { req: revokeDeviceSchema, res: deletedSchema },
  getImpactAccount: { req: noInput, res: impactAccountSchema },
  connectImpactAccount: { req: connectImpactAccountSchema, res: impactAccountSchema },
  disconnectImpactAccount: { req: noInput, res: impactAccountSchema },
  listCatalogs: { req: noInput, res: z.array(catalogSchema) },
  searchCatalog: { req: catalogSearchSchema, res: catalogPageSchema },
  reconcile: { req: reconcileSchema, res: reconcileStartedSchema },
  listChannels: { req: noInput, res: z.object({ items: z.array(channelSchema) }) },
  /** a webhook's signing secret is in the answer this once */
  createChannel: { req: channelInputSchema, res: createdChannelSchema },
  updateChannel: { req: channelPatchSchema.extend({ id: channelIdSchema }), res: channelSchema },
  deleteChannel: { req: z.strictObject({ id: channelIdSchema }), res: deletedSchema },
  testChannel: {
    req: z.strictObject({ id: channelIdSchema }),
    res: z.object({ delivered: z.literal(true), channel: channelSchema }),
  },
  listBackups: { req: noInput, res: backupListSchema },
  backUpNow: { req: noInput, res: backupListSchema },
  listSites: { req: noInput, res: sitesListSchema },
  addSite: { req: addSiteSchema, res: siteSchema },
  deleteSite: { req: z.strictObject({ id: siteIdSchema }), res: deletedSchema },
  scanSites: { req: noInput, res: pageScanStatusSchema },
  listPages: { req: pagesQuerySchema, res: pagesPageSchema },
  pageLinks: { req: pageLinksQuerySchema, res: pageLinksPageSchema },
} satisfies Record<ApiMethod, { req: z.ZodType; res: z.ZodType }>;
