// Postbacks Shelfwatch could not read as a product, or not all of (a price that is no number), kept as they arrived
// so the user can fix the mapping and reprocess them, or dismiss them (the Setup view: "Need attention").
import { z } from 'zod';

/** What the receiver keeps of a request: never the secret path segment nor the secret header. */
export const rawRequestSchema = z.object({
  method: z.string(),
  query: z.string(),
  contentType: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
});

export const quarantineEntrySchema = z.object({
  id: z.string(),
  seq: z.number(),
  at: z.string(),
  reason: z.string(),
  raw: rawRequestSchema,
  /** its readable fields were applied when it arrived; it is here for the values named in the reason */
  applied: z.boolean().optional(),
});

export const reprocessedSchema = z.object({ reprocessed: z.number(), remaining: z.number() });

export const MAX_DISMISS_IDS = 1000;

/** Quarantine entries to dismiss; all of them when `ids` is left out. */
export const dismissQuarantineSchema = z.strictObject({
  ids: z
    .array(z.string().regex(/^\d{1,15}$/, { error: 'must be quarantine entry ids' }))
    .max(MAX_DISMISS_IDS)
    .optional(),
});

export const dismissedSchema = z.object({ dismissed: z.number(), remaining: z.number() });

export type RawRequest = z.infer<typeof rawRequestSchema>;
export type QuarantineEntry = z.infer<typeof quarantineEntrySchema>;
export type DismissQuarantineRequest = z.input<typeof dismissQuarantineSchema>;
