// Which snapshots are kept, and how far back the journal must therefore reach.
//
// Kept: the newest three good ones of the rotation (daily, "Back up now", the one right after an upgrade), the newest
// good one made before a schema migration (the data as the previous version had it), and the newest one that failed
// its check when it is newer than every good one (to look at; never restored nor trusted). The rest are deleted.
//
// The journal is pruned only up to what every kept rotation snapshot covers, not only the newest: should the newest
// be damaged later, the next older one plus the journal still rebuilds everything. With daily backups and the
// journal kept for days anyway, this costs nothing in practice.
import type { BackupReason } from '../../../shared/contract/backups.js';
import { coveredSeq, filesPresent, type Snapshot } from './manifest.js';

export const KEEP_IN_ROTATION = 3;
const ROTATION: readonly BackupReason[] = ['daily', 'manual', 'upgrade'];

export function isTrusted(snapshot: Snapshot): boolean {
  return snapshot.manifest.verified && filesPresent(snapshot);
}

/** The rotation's kept snapshots, newest first. */
function rotation(snapshots: readonly Snapshot[]): Snapshot[] {
  return snapshots
    .filter((snapshot) => ROTATION.includes(snapshot.manifest.reason) && isTrusted(snapshot))
    .slice(0, KEEP_IN_ROTATION);
}

/** What to delete from a listing (newest first). */
export function snapshotsToDelete(snapshots: readonly Snapshot[]): Snapshot[] {
  const kept = new Set(rotation(snapshots));
  const migration = snapshots.find((snapshot) => snapshot.manifest.reason === 'migration' && isTrusted(snapshot));
  if (migration) kept.add(migration);
  const newestTrusted = snapshots.findIndex(isTrusted);
  const failed = snapshots.findIndex((snapshot) => !isTrusted(snapshot));
  if (failed !== -1 && (newestTrusted === -1 || failed < newestTrusted)) kept.add(snapshots[failed] as Snapshot);
  return snapshots.filter((snapshot) => !kept.has(snapshot));
}

/** The journal record every kept rotation snapshot covers through: segments up to it may go. 0: none may. */
export function coveredByEveryBackup(snapshots: readonly Snapshot[]): number {
  const kept = rotation(snapshots);
  if (kept.length === 0) return 0;
  return Math.min(...kept.map((snapshot) => coveredSeq(snapshot.manifest)));
}
