// Runs the upgrade of an old store (upgrade-store.ts) with its progress in the status and the log. Its order is what
// makes it crash-safe: copy (the database carries the "upgrading" mark), make the new store durable, retire the old
// file, and only then drop the mark. A crash before the old file is retired finds the mark or the old file and starts
// over from it; after, the new store is on disk.
import type { Notice } from '../../../shared/contract/status.js';
import type { FileSystem } from '../file-system.js';
import { mergeRepeatedRules, repairStoredSettings } from '../startup-repair.js';
import type { StatusBoard } from '../status-board.js';
import type { Store } from '../store/store.js';
import type { Logger } from '../types.js';
import type { StoreData as StoredLegacy } from './legacy/state.js';
import { LEGACY_BACKUP, retireLegacyFiles, upgradeStore } from './upgrade-store.js';

export interface UpgradeRun {
  store: Store;
  legacy: StoredLegacy;
  board: StatusBoard;
  log: Logger;
  notices: Notice[];
  dataDir: string;
  fsys: FileSystem;
  /** syncs the database and writes the documents (the checkpoint); must leave both on disk or throw */
  makeDurable: () => Promise<void>;
  /** applies the journal's records that came after the old store (before the status says the upgrade is done) */
  catchUp: () => Promise<unknown>;
}

export async function runUpgrade(run: UpgradeRun): Promise<void> {
  const { store, legacy, board, log, notices, dataDir, catchUp } = run;
  const products = Object.keys(legacy.products).length;
  log.info('Upgrading the data folder to the new store', { products, feedEntries: legacy.feed.length });
  store.markUpgrading(true);
  let lastTenth = -1;
  await upgradeStore(store, legacy, (progress) => {
    board.setUpgrade(progress);
    const tenth = progress.total === 0 ? 10 : Math.floor((progress.done / progress.total) * 10);
    if (tenth !== lastTenth) log.info(`Upgrading: ${progress.done} of ${progress.total}`);
    lastTenth = tenth;
  });
  notices.push(...repairStoredSettings(store, log), ...mergeRepeatedRules(store, log));
  await run.makeDurable();
  await retireLegacyFiles(run.fsys, dataDir);
  store.markUpgrading(false);
  await catchUp();
  board.setUpgrade(null);
  notices.push({
    code: 'upgrade-done',
    message: `Your data was upgraded to the new store (${products.toLocaleString('en-US')} products). The old file is kept as ${LEGACY_BACKUP}; you may delete it.`,
  });
  log.info('Upgrade done');
}
