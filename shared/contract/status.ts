// What Shelfwatch says of itself: GET /api/status and the `status` live event (the status line, the tray).
import { z } from 'zod';
import { HUB_CONNECTION_STATES, NOTICE_CODES } from './enums.js';
import { reconcileStatusSchema } from './impact.js';
import { pageScanStatusSchema } from './pages.js';

/** The hub a desktop follows and whether it reaches it ("Hub unreachable since 10:32 — retrying"). */
export const hubConnectionSchema = z.object({
  url: z.string(),
  state: z.enum(HUB_CONNECTION_STATES),
  since: z.string().nullable(),
  error: z.string().nullable(),
});

/** Something the user should know once, in plain words, with a code that says what it is about. */
export const noticeSchema = z.object({
  code: z.enum(NOTICE_CODES).catch('other'),
  message: z.string(),
});
export type Notice = z.infer<typeof noticeSchema>;

export const statusSchema = z.object({
  receiver: z.object({
    url: z.string(),
    port: z.number(),
    lastPostbackAt: z.string().nullable(),
    received: z.number(),
    /** deliveries that changed nothing: repeats of a postback already applied (impact.com retries) */
    duplicates: z.number(),
    quarantined: z.number(),
    testPostbackAt: z.string().nullable(),
    /** the storage fault that makes the receiver answer 503, if any */
    fault: z.string().nullable(),
  }),
  journal: z.object({ appliedSeq: z.number() }),
  unread: z.number(),
  alertsPausedUntil: z.string().nullable(),
  /** things the user should know once, e.g. "the store was corrupt and was rebuilt from the journal" */
  notices: z.array(noticeSchema),
  /** while a data folder of the previous version is upgraded: how far it got (products and feed entries) */
  upgrade: z.object({ done: z.number(), total: z.number() }).nullable().optional(),
  /** the listener other devices follow this Shelfwatch on, when it runs one */
  remote: z.object({ url: z.string(), fingerprint: z.string().nullable() }).nullable().optional(),
  /** the device this status is for, when it is not the hub's own UI (a browser or desktop following a hub) */
  device: z.object({ id: z.string(), name: z.string() }).nullable().optional(),
  /** the hub this desktop follows and whether it reaches it ("Hub unreachable since 10:32 — retrying") */
  hub: hubConnectionSchema.nullable().optional(),
  /**
   * The postback URL changed because both secrets files were lost (a new secret was made): impact.com must be given
   * the new URL. Shown loudly until the user acknowledges it; on the hub's own UI only.
   */
  postbackUrlChanged: z
    .object({
      at: z.string(),
      /** a header name is set but its value was lost with the secrets */ headerValueLost: z.boolean(),
    })
    .nullable()
    .optional(),
  /** impact.com's catch-up check of watched items */
  reconcile: reconcileStatusSchema.nullable().optional(),
  /** reading the partner's pages: "Reading your pages: 120 of 800", when the last scan finished, when the next is */
  pageScan: pageScanStatusSchema.optional(),
});

export type Status = z.infer<typeof statusSchema>;
export type HubConnection = z.infer<typeof hubConnectionSchema>;
