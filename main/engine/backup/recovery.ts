// Start-up recovery around the replay: where neither a backup nor the journal reaches back far enough, the rows the
// damaged file still holds are salvaged before the replay; after it, what a damaged or missing store was recovered
// from and exactly what was lost (which dates, which journal records, how many products) is said in plain words.
import path from 'node:path';
import type { Notice } from '../../../shared/contract/status.js';
import type { FileSystem } from '../file-system.js';
import { segmentBounds } from '../journal/prune.js';
import { type PrunedRange, readPrunedLedger } from '../journal/pruned-ledger.js';
import { listSegments } from '../journal/segments.js';
import { feedPos } from '../store/db/schema.js';
import type { Store } from '../store/store.js';
import type { Logger } from '../types.js';
import type { Snapshot } from './manifest.js';
import type { OpenRecovery } from './open-recovery.js';
import { describeDatabase, describeDocuments, type Gap } from './recovery-notices.js';
import { type SalvageResult, salvage } from './salvage.js';

/** What could not be recovered, found before the replay, with what of it was salvaged. */
export interface PendingRecovery {
  opened: OpenRecovery;
  databaseGap: Gap | null;
  documentsGap: Gap | null;
  salvaged: SalvageResult | null;
}

/**
 * Before the replay: which journal records neither a backup nor the journal has for each store, and — for the
 * database — what of them the damaged file still holds, copied in now (salvage.ts).
 */
export async function salvageBeforeReplay(
  opened: OpenRecovery,
  store: Store,
  dataDir: string,
  fsys: FileSystem,
  log: Logger,
): Promise<PendingRecovery> {
  const journalDir = path.join(dataDir, 'journal');
  const first = (await listSegments(fsys, journalDir).catch(() => []))[0];
  const reachesBackTo = first?.firstSeq ?? 1;
  // When the journal's first record arrived: read only when something is missing.
  const journalStartsAt = async () => (first ? (await segmentBounds(fsys, first, first.firstSeq, 0)).firstAt : null);
  const gapOf = async (seq: number, restored: Snapshot | null): Promise<Gap | null> => {
    if (seq >= reachesBackTo - 1) return null;
    return describeGap(await readPrunedLedger(fsys, journalDir), seq + 1, reachesBackTo - 1, restored, journalStartsAt);
  };
  const databaseGap = opened.databaseIsNew ? await gapOf(opened.databaseSeq, opened.databaseRestored) : null;
  const documentsGap = opened.documentsLost ? await gapOf(opened.documentsSeq, opened.documentsRestored) : null;
  let salvaged: SalvageResult | null = null;
  const aside = opened.databaseMovedAside.at(-1);
  if (databaseGap && aside) {
    const fromPos = databaseGap.fromSeq <= 1 ? 0 : feedPos(databaseGap.fromSeq, 0);
    const replayFrom = { pos: feedPos(databaseGap.toSeq + 1, 0), at: (await journalStartsAt()) ?? 0 };
    salvaged = salvage(path.join(dataDir, aside), store, fromPos, replayFrom);
    log.warn('Salvaged rows from the damaged database', { file: aside, ...salvaged });
  }
  if (databaseGap) log.error('Journal records lost with the database and its backups', { ...databaseGap });
  return { opened, databaseGap, documentsGap, salvaged };
}

/** After the replay: what was recovered from what, and exactly what was not, in words. */
export function recoveryNotices(pending: PendingRecovery, store: Store, now: number): Notice[] {
  const { opened, databaseGap, documentsGap, salvaged } = pending;
  if (databaseGap) {
    databaseGap.productsPresent = store.products.countFirstSeenBy(databaseGap.toAt ?? now);
  }
  const database = describeDatabase(opened, databaseGap, salvaged, now);
  const documents = describeDocuments(opened, documentsGap, now);
  return [
    ...(database === null ? [] : [{ code: 'database-recovered' as const, message: database }]),
    ...(documents === null ? [] : [{ code: 'documents-recovered' as const, message: documents }]),
  ];
}

/** Which records could not be recovered, and what the pruned ledger and the journal say about them. */
async function describeGap(
  ledger: PrunedRange[],
  fromSeq: number,
  toSeq: number,
  restored: Snapshot | null,
  journalStartsAt: () => Promise<number | null>,
): Promise<Gap> {
  const overlapping = ledger.filter((range) => range.lastSeq >= fromSeq && range.firstSeq <= toSeq);
  const last = overlapping.find((range) => range.lastSeq === toSeq);
  const restoredAt = restored ? Date.parse(restored.manifest.at) : null;
  const ledgerFrom = overlapping.length > 0 ? Math.min(...overlapping.map((range) => range.firstAt)) : null;
  return {
    fromSeq,
    toSeq,
    fromAt: restoredAt ?? (ledgerFrom !== null && overlapping[0]?.firstSeq === fromSeq ? ledgerFrom : null),
    // Without a record of the pruned segment, only "before the first record the journal still has" is known.
    toAt: last?.lastAt ?? (await journalStartsAt()),
    toIsApproximate: last === undefined,
    productsBefore: last?.productsBefore ?? null,
    productsPresent: 0,
  };
}
