// Builds a large data folder for the bench by writing the database with the engine's own code: the past in bulk
// through the store's tables (past.ts), the recent feed through the engine's apply (recent.ts), the watches in the
// documents file, and the journal holding the recent postbacks plus a small unapplied tail. It streams: no step
// holds more than one transaction's rows. Built once per bench run, then copied for each server that needs it.
import fs from 'node:fs';
import path from 'node:path';
import { nodeFileSystem } from '../../main/engine/file-system.js';
import { EngineSecrets } from '../../main/engine/secrets/engine-secrets.js';
import { openStore } from '../../main/engine/store/open-store.js';
import type { Watch } from '../../shared/contract/watch.js';
import { BENCH_CATALOG } from '../postback-body.js';
import { JournalSink } from './journal-sink.js';
import { writePast } from './past.js';
import { planSeed, type SeedPlan, seedItemId, watchedProduct } from './plan.js';
import { countRecentChanges, writeRecent } from './recent.js';

export interface SeedInfo {
  dir: string;
  plan: SeedPlan;
  products: number;
  historyPoints: number;
  feedEntries: number;
  watches: number;
  alerts: number;
  appliedSeq: number;
  /** journal records start-up finds unapplied */
  unappliedRecords: number;
  dbBytes: number;
  journalBytes: number;
  buildMs: number;
}

const silent = { info() {}, warn() {}, error() {} };

export async function buildSeedFolder(
  dir: string,
  products: number,
  feedEntries: number,
  log: (text: string) => void = () => {},
): Promise<SeedInfo> {
  const started = performance.now();
  const plan = planSeed(products, feedEntries);
  fs.mkdirSync(dir, { recursive: true });
  EngineSecrets.open({ dataDir: dir, clock: Date.now, log: silent }, []); // an installed app has its secrets file
  const opened = await openStore({ dataDir: dir, fsys: nodeFileSystem, clock: Date.now, log: silent, notices: [] });
  const { store } = opened;
  try {
    store.docs.watches = watchesOf(plan);
    store.documentsChanged();
    const recentChanges = countRecentChanges(plan);
    const pastEnd = writePast(store, plan, recentChanges, plan.watches);
    log(`  past written: ${products} products, seq ${pastEnd} (${Math.round(performance.now() - started)} ms)`);
    const journal = new JournalSink(path.join(dir, 'journal'));
    writeRecent(store, plan, recentChanges, journal, pastEnd);
    journal.close();
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    await store.writeDocuments(store.appliedSeq);
    const counts = store.db
      .prepare<[], { history: number; alerts: number }>(
        'SELECT (SELECT count(*) FROM history) AS history, (SELECT count(*) FROM feed WHERE flags & 1) AS alerts',
      )
      .get();
    return {
      dir,
      plan,
      products,
      historyPoints: counts?.history ?? 0,
      feedEntries: store.feed.entries,
      watches: store.docs.watches.length,
      alerts: counts?.alerts ?? 0,
      appliedSeq: store.appliedSeq,
      unappliedRecords: plan.unappliedTail,
      dbBytes: fs.statSync(path.join(dir, 'store.db')).size,
      journalBytes: journal.totalBytes,
      buildMs: performance.now() - started,
    };
  } finally {
    opened.close();
  }
}

/** One item watch per watchStride products, created before anything was received (older than the journal). */
function watchesOf(plan: SeedPlan): Watch[] {
  const createdAt = new Date(plan.pastFromMs - 60_000).toISOString();
  return Array.from({ length: plan.watches }, (_, w) => ({
    id: `bench-watch-${w}`,
    target: { catalogId: BENCH_CATALOG, catalogItemId: seedItemId(watchedProduct(plan, w)) },
    rules: [{ kind: 'price-below', value: 60 }, { kind: 'price-change' }],
    muted: false,
    createdAt,
  }));
}

/**
 * A fresh copy of the seed for one server run, on disk before the server starts: otherwise the server's first
 * fsync (ext4 in ordered mode) waits for the whole copy to be written back, and start-up measures the copy.
 */
export function copySeed(seedDir: string, target: string): void {
  fs.cpSync(seedDir, target, { recursive: true });
  syncTree(target);
}

function syncTree(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) syncTree(file);
    else {
      const fd = fs.openSync(file, 'r');
      fs.fsyncSync(fd);
      fs.closeSync(fd);
    }
  }
}
