// Lets old journal segments go, but only those that both stores on disk and every kept backup cover (rotation.ts):
// so the newest good backup plus the journal always rebuilds everything ever acknowledged, and retention limits the
// history kept, not what a repair can reach. Each deleted segment is first written to the pruned ledger.
import path from 'node:path';
import type { FileSystem } from '../file-system.js';
import { pruneSegments, type SegmentBounds } from '../journal/prune.js';
import { recordPruned } from '../journal/pruned-ledger.js';
import type { Store } from '../store/store.js';
import { listSnapshots } from './manifest.js';
import { coveredByEveryBackup } from './rotation.js';
import { countFirstSeenInWorker } from './sqlite-worker.js';

const DAY_MS = 86_400_000;

export interface PrunerOptions {
  dataDir: string;
  fsys: FileSystem;
  store: Store;
  clock: () => number;
}

export class JournalPruner {
  /** what the last checkpoint made durable in both stores */
  private storesCovered = 0;
  private pruning: Promise<number> = Promise.resolve(0);

  constructor(private readonly options: PrunerOptions) {}

  /** A checkpoint wrote both stores through `seq`: prune what that allows. */
  storesSaved(seq: number): Promise<number> {
    this.storesCovered = seq;
    return this.prune();
  }

  /** One pruning at a time (a checkpoint and a finished backup may both ask); resolves with segments deleted. */
  prune(): Promise<number> {
    this.pruning = this.pruning.catch(() => 0).then(() => this.pruneOnce());
    return this.pruning;
  }

  private async pruneOnce(): Promise<number> {
    const { dataDir, fsys, store, clock } = this.options;
    const covered = Math.min(this.storesCovered, coveredByEveryBackup(listSnapshots(dataDir)));
    const keepNewerThan = clock() - store.settings.retention.journalDays * DAY_MS;
    const journalDir = path.join(dataDir, 'journal');
    return pruneSegments(fsys, journalDir, covered, keepNewerThan, async (bounds) => {
      await recordPruned(fsys, journalDir, { ...bounds, productsBefore: await this.productsBefore(bounds) });
    });
  }

  /** Products first seen by the segment's last record: off the event loop where a worker can run. */
  private async productsBefore({ lastAt }: SegmentBounds): Promise<number> {
    const { db } = this.options.store;
    const counted = await countFirstSeenInWorker(db.name, lastAt);
    if (counted !== undefined) return counted;
    return this.options.store.products.countFirstSeenBy(lastAt);
  }
}
