// A folder the previous version wrote is upgraded after the engine is up, so the UI can show the progress. Applying
// waits meanwhile (postbacks are still journaled); the upgraded data is not in the journal, so it is backed up at
// once, and only then does the daily round of backups start.
import type { Backups } from '../backup/backups.js';
import type { StatusBoard } from '../status-board.js';
import { runUpgrade } from '../upgrade/run-upgrade.js';
import type { EngineContext } from './context.js';
import type { OpenedData } from './open-data.js';
import type { WritingPath } from './writing-path.js';

export interface UpgradeParts {
  data: OpenedData & { legacy: NonNullable<OpenedData['legacy']> };
  writing: Pick<WritingPath, 'queue' | 'checkpointer'>;
  board: StatusBoard;
  backups: Pick<Backups, 'backUpNow' | 'start'>;
}

/** Resolves once the upgrade is done or failed (a failure is told in the notices: a restart tries again). */
export function upgradeInBackground(context: EngineContext, parts: UpgradeParts): Promise<void> {
  const { dataDir, fsys, log, notices } = context;
  const { data, writing, board, backups } = parts;
  const { store, legacy, secureHeaderValue, catchUp } = data;
  const { queue, checkpointer } = writing;
  queue.pause();
  const makeDurable = async () => {
    secureHeaderValue(); // the old store's settings hold it
    await checkpointer.checkpointNow();
    const written = store.writtenDocuments;
    if (written.appliedSeq !== store.appliedSeq || written.version !== store.documentsVersion) {
      throw new Error('the new store could not be saved');
    }
  };
  const upgrade = { store, legacy, board, log, notices, dataDir, fsys, makeDurable, catchUp };
  return runUpgrade(upgrade).then(
    () => {
      queue.resume();
      checkpointer.touch();
      // The upgraded data is not in the journal: back it up at once, and only then start the daily round.
      void backups
        .backUpNow('upgrade')
        .catch(() => undefined)
        .finally(() => backups.start());
    },
    (error: unknown) => {
      const message = `Upgrading your data failed (${String(error)}). Restart Shelfwatch to try again; nothing is lost.`;
      notices.push({ code: 'upgrade-failed', message });
      log.error('Upgrade failed', { error: String(error) });
      board.changed();
    },
  );
}
