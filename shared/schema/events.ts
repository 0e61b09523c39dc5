// Live events: SSE event names in the server face, one IPC channel in the desktop face. The browser parses each SSE
// message with uiEventSchema (renderer/src/api/eventStream.ts); a malformed one is dropped, not shown.
import { z } from 'zod';
import { feedEntrySchema } from './feed.js';
import { reconcileStatusSchema } from './impact.js';
import { pageScanStatusSchema } from './pages.js';

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
  notices: z.array(z.string()),
  /** while a data folder of the previous version is upgraded: how far it got (products and feed entries) */
  upgrade: z.object({ done: z.number(), total: z.number() }).nullable().optional(),
  /** the listener other devices follow this Shelfwatch on, when it runs one */
  remote: z.object({ url: z.string(), fingerprint: z.string().nullable() }).nullable().optional(),
  /** the device this status is for, when it is not the hub's own UI (a browser or desktop following a hub) */
  device: z.object({ id: z.string(), name: z.string() }).nullable().optional(),
  /** the hub this desktop follows and whether it reaches it ("Hub unreachable since 10:32 — retrying") */
  hub: z
    .object({
      url: z.string(),
      state: z.enum(['connecting', 'live', 'unreachable', 'refused']),
      since: z.string().nullable(),
      error: z.string().nullable(),
    })
    .nullable()
    .optional(),
  /** impact.com's catch-up check of watched items */
  reconcile: reconcileStatusSchema.nullable().optional(),
  /** reading the partner's pages: "Reading your pages: 120 of 800", when the last scan finished, when the next is */
  pageScan: pageScanStatusSchema.optional(),
});

export const uiEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('feed'), entries: z.array(feedEntrySchema) }),
  z.object({ type: z.literal('alert'), entries: z.array(feedEntrySchema) }),
  z.object({ type: z.literal('status'), status: statusSchema }),
  /** what the client missed is gone (a hub's retention): reload every view from the API */
  z.object({ type: z.literal('reset') }),
]);

export const UI_EVENT_TYPES = ['feed', 'alert', 'status', 'reset'] as const satisfies readonly z.infer<
  typeof uiEventSchema
>['type'][];

export type Status = z.infer<typeof statusSchema>;
export type UiEvent = z.infer<typeof uiEventSchema>;
