// The path every change takes: the journal writer makes it durable, the apply queue applies it to the store, the
// checkpointer makes the store durable some time after, and the journal pruner lets segments go once both stores
// and a backup cover them. Faults go to the status board; damage found while applying is reported.

import type { ApplyEffects } from '../apply/index.js';
import { ApplyQueue } from '../apply-queue.js';
import { JournalPruner } from '../backup/journal-pruner.js';
import { Checkpointer } from '../checkpoint.js';
import type { FileSystem } from '../file-system.js';
import { JournalWriter } from '../journal/index.js';
import type { JournalRecord } from '../journal/record.js';
import type { StatusBoard } from '../status-board.js';
import { isDamage } from '../store/db/open.js';
import type { Store } from '../store/store.js';
import type { Logger } from '../types.js';
import { Listeners } from './listeners.js';

export interface WritingPathOptions {
  store: Store;
  dataDir: string;
  journalDir: string;
  fsys: FileSystem;
  clock: () => number;
  log: Logger;
  /** the last sequence number in the journal or the store: the next record gets the one after */
  lastSeq: number;
  /** what the store on disk covered when it was opened (see Checkpointer) */
  savedSeq: number;
  checkpoint?: { quietMs: number; maxDelayMs: number };
  board: Pick<StatusBoard, 'setFault' | 'setApplyFault' | 'setStoreFault'>;
  onDamage: (error: Error) => void;
}

export interface WritingPath {
  writer: JournalWriter;
  queue: ApplyQueue;
  checkpointer: Checkpointer;
  pruner: JournalPruner;
  /** told each run of applied records' effects (the checkpointer is told after every listener) */
  onApplied(listener: (effects: ApplyEffects[]) => void): void;
  /** Journals nothing more, applies what was journaled, and makes the store durable. */
  close(): Promise<void>;
}

export function openWritingPath(options: WritingPathOptions): WritingPath {
  const { store, board } = options;
  const durable = new Listeners<JournalRecord[]>();
  const applied = new Listeners<ApplyEffects[]>();
  /** after those told what was applied: the checkpointer, built last */
  const storeChanged = new Listeners<void>();
  const writer = new JournalWriter({
    fsys: options.fsys,
    dir: options.journalDir,
    lastSeq: options.lastSeq,
    onDurable: (records) => durable.tell(records),
    onFault: (error) => board.setFault(error),
  });
  const queue = new ApplyQueue({
    store,
    onApplied: (effects) => {
      applied.tell(effects);
      storeChanged.tell();
    },
    onFault: (error) => {
      board.setApplyFault(error);
      if (error && isDamage(error)) options.onDamage(error);
    },
    receiverBusy: () => writer.busy,
  });
  durable.add((records) => queue.push(records));
  const pruner = new JournalPruner({ dataDir: options.dataDir, fsys: options.fsys, store, clock: options.clock });
  const checkpointer = new Checkpointer({
    store,
    log: options.log,
    onFault: (error) => board.setStoreFault(error),
    quietMs: options.checkpoint?.quietMs ?? 2_000,
    maxDelayMs: options.checkpoint?.maxDelayMs ?? 15_000,
    savedSeq: options.savedSeq,
    fsys: options.fsys,
    mayRun: () => queue.idle,
    holdApplying: () => {
      queue.pause();
      return () => queue.resume();
    },
    afterCheckpoint: async (coveredSeq) => {
      await pruner.storesSaved(coveredSeq);
    },
  });
  storeChanged.add(() => checkpointer.touch());
  return {
    writer,
    queue,
    checkpointer,
    pruner,
    onApplied: (listener) => applied.add(listener),
    async close() {
      await writer.close();
      await queue.drained();
      queue.stop();
      checkpointer.stop();
      await checkpointer.checkpointNow();
    },
  };
}
