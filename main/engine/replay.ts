// Start-up: the journal records the store does not reflect yet are applied, in order, in batches (a run of
// postbacks per transaction, each command on its own). A torn last line (a write cut off by a crash; never
// acknowledged) is cut off; damaged lines inside a segment are skipped and reported.
import fs from 'node:fs';
import { applyRecords } from './apply/index.js';
import type { FileSystem } from './file-system.js';
import { readJournal } from './journal/index.js';
import type { JournalRecord } from './journal/record.js';
import type { Store } from './store/store.js';
import type { Logger } from './types.js';

const BATCH = 2_000;

export interface ReplayResult {
  /** the last sequence number in the journal */
  lastSeq: number;
  /** records applied now */
  applied: number;
}

/** Only where the journal ends (for a store that is not ready to apply it yet); a torn last line is cut off. */
export async function journalEnd(fsys: FileSystem, journalDir: string, log: Logger): Promise<ReplayResult> {
  const result = await readJournal(fsys, journalDir, Number.MAX_SAFE_INTEGER, () => {});
  cutTornTail(result, log);
  return { lastSeq: result.lastSeq, applied: 0 };
}

export async function replayJournal(
  store: Store,
  fsys: FileSystem,
  journalDir: string,
  log: Logger,
  notices: string[],
): Promise<ReplayResult> {
  const from = Math.min(store.appliedSeq, store.docs.appliedSeq);
  let batch: JournalRecord[] = [];
  let applied = 0;
  const flush = () => {
    if (batch.length === 0) return;
    applyRecords(store, batch);
    applied += batch.length;
    batch = [];
  };
  const result = await readJournal(fsys, journalDir, from, (record) => {
    if (record.type === 'command') {
      flush();
      batch = [record];
      flush();
    } else {
      batch.push(record);
      if (batch.length >= BATCH) flush();
    }
  });
  flush();
  cutTornTail(result, log);
  if (result.damaged > 0) {
    notices.push(`${result.damaged} damaged journal record(s) could not be read and were skipped.`);
    log.error('Damaged journal records skipped', { damaged: result.damaged });
  }
  if (applied > 0) log.info('Applied journal records the store did not reflect yet', { records: applied });
  return { lastSeq: result.lastSeq, applied };
}

function cutTornTail(result: Awaited<ReturnType<typeof readJournal>>, log: Logger): void {
  if (!result.tornTail) return;
  fs.truncateSync(result.tornTail.path, result.tornTail.goodLength);
  log.warn('Dropped a torn last journal line (a write cut off by a crash; it was never acknowledged)');
}
