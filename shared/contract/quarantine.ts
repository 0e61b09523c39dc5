// Postbacks Shelfwatch could not read as a product, kept as they arrived so the user can fix the mapping and
// reprocess them (the Setup view).
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
});

export const reprocessedSchema = z.object({ reprocessed: z.number(), remaining: z.number() });

export type RawRequest = z.infer<typeof rawRequestSchema>;
export type QuarantineEntry = z.infer<typeof quarantineEntrySchema>;
