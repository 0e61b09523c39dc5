// Runs the upgrade of an old store (store/upgrade.ts) with its progress in the status and the log.
import { mergeRepeatedRules, repairStoredSettings } from './startup-repair.js';
import type { StatusBoard } from './status-board.js';
import type { StoreData as StoredLegacy } from './store/legacy/state.js';
import type { Store } from './store/store.js';
import { LEGACY_BACKUP, retireLegacyFiles, upgradeStore } from './store/upgrade.js';
import type { Logger } from './types.js';

export interface UpgradeRun {
  store: Store;
  legacy: StoredLegacy;
  board: StatusBoard;
  log: Logger;
  notices: string[];
  dataDir: string;
  /** applies the journal's records that came after the old store (before the status says the upgrade is done) */
  catchUp: () => Promise<unknown>;
}

export async function runUpgrade({ store, legacy, board, log, notices, dataDir, catchUp }: UpgradeRun): Promise<void> {
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
  store.markUpgrading(false);
  retireLegacyFiles(dataDir);
  await catchUp();
  board.setUpgrade(null);
  notices.push(
    `Your data was upgraded to the new store (${products.toLocaleString('en-US')} products). The old file is kept as ${LEGACY_BACKUP}; you may delete it.`,
  );
  log.info('Upgrade done');
}
