// zod schemas of the UI API's answers and live events (shared/api.ts), for clients that receive them over the
// network. One schema per method, checked against ApiMethods: a method without one is a compile error.
import { z } from 'zod';
import type {
  AddedDevice,
  ApiMethod,
  ApiResponse,
  FeedPage,
  MappingPreview,
  ProductDetail,
  Setup,
  UiEvent,
} from './api.js';
import type { Device } from './model.js';
import {
  feedEntrySchema,
  historyPointSchema,
  productSnapshotSchema,
  productStateSchema,
  quarantineEntrySchema,
  settingsSchema,
} from './model-schemas.js';
import { statusSchema } from './schema/events.js';
import { catalogItemSchema, catalogSchema, impactAccountSchema } from './schema/impact.js';
import {
  pageItemSchema,
  pageLinkSchema,
  pageProductSchema,
  pageRefSchema,
  pageScanStatusSchema,
  siteSchema,
} from './schema/pages.js';
import { watchSchema } from './schema/watches.js';

const setupSchema: z.ZodType<Setup> = z.looseObject({
  postbackUrl: z.string(),
  receiverHost: z.string(),
  receiverPort: z.number(),
  headerName: z.string(),
  headerValue: z.string(),
  templates: z.looseObject({ jsonPost: z.string(), getUrl: z.string() }),
  overrides: z.array(
    z.looseObject({
      setting: z.enum(['receiver.host', 'receiver.port']),
      value: z.union([z.string(), z.number()]),
      setBy: z.string(),
    }),
  ),
  successResponse: z.string(),
});

const feedPageSchema: z.ZodType<FeedPage> = z.looseObject({
  items: z.array(feedEntrySchema),
  next: z.string().nullable(),
  total: z.number().nullable(),
});

const productDetailSchema: z.ZodType<ProductDetail> = z.looseObject({
  product: productStateSchema,
  history: z.array(historyPointSchema),
  watches: z.array(watchSchema),
  pages: z.array(pageRefSchema).optional(),
});

const pageProductsSchema = z.record(z.string(), pageProductSchema).optional();

const mappingPreviewSchema: z.ZodType<MappingPreview> = z.looseObject({
  fields: z.record(z.string(), z.string()),
  mappedTo: z.record(z.string(), z.string().nullable()),
  result: z.discriminatedUnion('kind', [
    z.looseObject({ kind: z.literal('snapshot'), snapshot: productSnapshotSchema }),
    z.looseObject({ kind: z.literal('test') }),
    z.looseObject({ kind: z.literal('unusable'), reason: z.string() }),
  ]),
});

const deviceSchema: z.ZodType<Device> = z.looseObject({
  id: z.string(),
  name: z.string(),
  pairedAt: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  lastAddress: z.string().nullable(),
});

const addedDeviceSchema: z.ZodType<AddedDevice> = z.looseObject({
  device: deviceSchema,
  pairingCode: z.string(),
  pairingLink: z.string(),
  expiresAt: z.string(),
});

export const API_RESPONSE_SCHEMAS: { [M in ApiMethod]: z.ZodType<ApiResponse<M>> } = {
  status: statusSchema,
  setup: setupSchema,
  feed: feedPageSchema,
  markRead: z.looseObject({ unread: z.number() }),
  product: productDetailSchema,
  listWatches: z.array(watchSchema),
  createWatch: watchSchema,
  updateWatch: watchSchema,
  deleteWatch: z.looseObject({ deleted: z.boolean() }),
  quarantine: z.array(quarantineEntrySchema),
  reprocessQuarantine: z.looseObject({ reprocessed: z.number(), remaining: z.number() }),
  getSettings: settingsSchema,
  updateSettings: settingsSchema,
  regenerateSecret: setupSchema,
  previewMapping: mappingPreviewSchema,
  addDevice: addedDeviceSchema,
  listDevices: z.array(deviceSchema),
  revokeDevice: z.looseObject({ deleted: z.boolean() }),
  getImpactAccount: impactAccountSchema,
  connectImpactAccount: impactAccountSchema,
  disconnectImpactAccount: impactAccountSchema,
  listCatalogs: z.array(catalogSchema),
  searchCatalog: z.looseObject({ items: z.array(catalogItemSchema), next: z.string().nullable() }),
  reconcile: z.looseObject({ total: z.number() }),
  listSites: z.looseObject({ items: z.array(siteSchema) }),
  addSite: siteSchema,
  deleteSite: z.looseObject({ deleted: z.boolean() }),
  scanSites: pageScanStatusSchema,
  listPages: z.looseObject({
    items: z.array(pageItemSchema),
    next: z.string().nullable(),
    products: pageProductsSchema,
  }),
  pageLinks: z.looseObject({ items: z.array(pageLinkSchema), products: pageProductsSchema }),
};

/** The data of a feed, alert or status SSE message; the message's event name is the type. */
export const UI_EVENT_DATA_SCHEMAS: { [T in UiEvent['type']]: z.ZodType<Omit<Extract<UiEvent, { type: T }>, 'type'>> } =
  {
    feed: z.looseObject({ entries: z.array(feedEntrySchema) }),
    alert: z.looseObject({ entries: z.array(feedEntrySchema) }),
    status: z.looseObject({ status: statusSchema }),
    reset: z.looseObject({}),
  };
