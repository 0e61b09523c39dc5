// Previewing the field mapping (Settings): what the mapping makes of a received postback or a pasted sample.
import { z } from 'zod';
import { productSnapshotSchema } from './product.js';
import { mappingSchema } from './settings.js';

/** The receiver's body limit: a preview is of a postback the receiver could have taken. */
export const MAX_POSTBACK_BODY_BYTES = 64 * 1024;

/** A received postback (from the quarantine) or a pasted sample. */
export const previewRawSchema = z.strictObject({
  method: z.string().max(10).optional(),
  query: z.string().max(16_384),
  contentType: z.string().max(200).optional(),
  headers: z.record(z.string().max(100), z.string().max(8_192)).optional(),
  body: z.string().max(MAX_POSTBACK_BODY_BYTES),
});

export const previewMappingSchema = z.strictObject({ raw: previewRawSchema, mapping: mappingSchema });

export const mappingPreviewSchema = z.object({
  /** the flat key → value record parsed from the raw request */
  fields: z.record(z.string(), z.string()),
  /** which canonical field each incoming key maps to (null when unmapped) */
  mappedTo: z.record(z.string(), z.string().nullable()),
  result: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('snapshot'), snapshot: productSnapshotSchema }),
    z.object({ kind: z.literal('test') }),
    z.object({ kind: z.literal('unusable'), reason: z.string() }),
  ]),
});

export type PreviewMappingRequest = z.input<typeof previewMappingSchema>;
export type MappingPreview = z.infer<typeof mappingPreviewSchema>;
