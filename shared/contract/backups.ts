// The backups (snapshots of the store) that Settings → Data lists: each one a verified copy of store.db and the
// documents that, with the journal after it, rebuilds everything acknowledged.
import { z } from 'zod';

/**
 * Why a backup was made: the daily one, "Back up now", right after the previous version's store was upgraded, or
 * just before the database was brought forward to a newer schema.
 */
export const backupReasonSchema = z.enum(['daily', 'manual', 'upgrade', 'migration']);

export const backupInfoSchema = z.object({
  id: z.string(),
  /** when it was made (ISO) */
  at: z.string(),
  reason: backupReasonSchema,
  /** store.db and documents.json together */
  bytes: z.number(),
  products: z.number(),
  /** false: the copy failed SQLite's integrity check; it is kept to look at, never restored nor trusted */
  verified: z.boolean(),
});

export const backupListSchema = z.object({
  /** the folder on this computer that holds them */
  folder: z.string(),
  /** newest first */
  backups: z.array(backupInfoSchema),
  /** a backup is being made right now */
  running: z.boolean(),
  /** when the next daily one is due (ISO), null while none is scheduled */
  nextAt: z.string().nullable(),
  /** why the last attempt failed, null when it worked */
  lastError: z.string().nullable(),
});

export type BackupReason = z.infer<typeof backupReasonSchema>;
export type BackupInfo = z.infer<typeof backupInfoSchema>;
export type BackupList = z.infer<typeof backupListSchema>;
