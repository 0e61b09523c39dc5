// A snapshot is a folder under <dataDir>/backups/: store.db (SQLite's online backup, checked), documents.json, and
// manifest.json, written last, saying what they cover. A folder without a readable manifest is no snapshot (a copy
// cut off midway, or someone else's files) and is never restored.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { backupReasonSchema } from '../../../shared/contract/backups.js';

export const BACKUPS_DIR = 'backups';
export const SNAPSHOT_DB = 'store.db';
export const SNAPSHOT_DOCUMENTS = 'documents.json';
export const MANIFEST = 'manifest.json';
/** A snapshot being written: renamed to its id once complete. */
export const PARTIAL_PREFIX = '.partial-';

const manifestSchema = z.object({
  version: z.literal(1),
  id: z.string(),
  reason: backupReasonSchema,
  /** when the copy was made (ISO) */
  at: z.string(),
  tookMs: z.number(),
  /** PRAGMA quick_check on the copy said "ok" */
  verified: z.boolean(),
  /** what quick_check said instead, when it did not */
  problem: z.string().nullable(),
  database: z.object({
    bytes: z.number(),
    /** every journal record up to here is in the copy */
    appliedSeq: z.number(),
    schemaVersion: z.number(),
    products: z.number(),
  }),
  documents: z.object({ bytes: z.number(), appliedSeq: z.number() }),
});

export type Manifest = z.infer<typeof manifestSchema>;

export interface Snapshot {
  /** its folder */
  dir: string;
  manifest: Manifest;
}

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, BACKUPS_DIR);
}

/** The journal record a snapshot covers through: both its database and its documents reflect every record up to it. */
export function coveredSeq(manifest: Manifest): number {
  return Math.min(manifest.database.appliedSeq, manifest.documents.appliedSeq);
}

/** "2024-12-03T14-00-00-000Z-daily": sorts by time, and names the reason for whoever looks into the folder. */
export function snapshotId(at: number, reason: Manifest['reason']): string {
  return `${new Date(at).toISOString().replace(/[:.]/g, '-')}-${reason}`;
}

/** Every complete snapshot in the folder, newest first. */
export function listSnapshots(dataDir: string): Snapshot[] {
  const root = backupsDir(dataDir);
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    return [];
  }
  const found: Snapshot[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const manifest = readManifest(path.join(root, name));
    if (manifest) found.push({ dir: path.join(root, name), manifest });
  }
  return found.sort((a, b) => Date.parse(b.manifest.at) - Date.parse(a.manifest.at) || (a.dir < b.dir ? 1 : -1));
}

function readManifest(dir: string): Manifest | null {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The snapshot's files are where its manifest says, at the sizes it says (a cheap check before relying on one). */
export function filesPresent(snapshot: Snapshot): boolean {
  const { database, documents } = snapshot.manifest;
  return (
    sizeOf(path.join(snapshot.dir, SNAPSHOT_DB)) === database.bytes &&
    sizeOf(path.join(snapshot.dir, SNAPSHOT_DOCUMENTS)) === documents.bytes
  );
}

function sizeOf(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
}
