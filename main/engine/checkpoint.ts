// Writes the store (lowdb) some time after changes, not on every postback: the journal already made each postback
// durable, so the checkpoint only bounds how much a restart must replay.
import type { Low } from 'lowdb';
import type { StoreData } from './store/state.js';
import type { Logger } from './types.js';

export interface CheckpointOptions {
  db: Low<StoreData>;
  log: Logger;
  /** wait this long after the last change… */
  quietMs: number;
  /** …but never longer than this after the first unsaved change… */
  maxDelayMs: number;
  /** …and write at once when this many records wait: they bound what a restart after a crash must replay */
  maxUnsavedRecords: number;
  /** keeps the data still while it is written (the store is encoded in pieces between other work) */
  holdChanges: () => () => void;
  /** told the error when a write fails, and null once one succeeds again */
  onWriteFault: (error: Error | null) => void;
  /** after each successful write, with the appliedSeq of the generation it replaced */
  afterWrite: (replacedSeq: number) => Promise<void>;
  /** the appliedSeq of the store as read from disk (before replay): records replayed since are unsaved */
  savedSeq: number;
}

export class Checkpointer {
  private timer: NodeJS.Timeout | null = null;
  private firstDirtyAt = 0;
  private writing: Promise<void> | null = null;
  private writtenSeq: number;
  private failures = 0;
  /** the data changed without a journal record (a start-up repair): write even though appliedSeq did not move */
  private changedBesideJournal = false;

  constructor(private readonly options: CheckpointOptions) {
    this.writtenSeq = options.savedSeq;
  }

  /** A start-up repair changed the data: save it, so the next start does not repair (and report) it again. */
  touchRepaired(): void {
    this.changedBesideJournal = true;
    this.touch();
  }

  /** The data changed: write it soon. */
  touch(): void {
    // After a failed write its retry is already scheduled with a backoff: new changes must not bring it forward.
    if (this.failures > 0 && this.timer) return;
    const unsaved = this.options.db.data.appliedSeq - this.writtenSeq;
    if (unsaved >= this.options.maxUnsavedRecords && !this.writing) {
      void this.writeNow();
      return;
    }
    const now = Date.now();
    if (!this.timer) this.firstDirtyAt = now;
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.options.quietMs, this.firstDirtyAt + this.options.maxDelayMs - now));
    this.timer = setTimeout(() => void this.writeNow(), wait);
  }

  /** Writes now if anything is unsaved (and waits for a write under way). */
  async writeNow(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.writing) await this.writing;
    if (this.options.db.data.appliedSeq === this.writtenSeq && !this.changedBesideJournal) return;
    this.writing = this.write().finally(() => {
      this.writing = null;
    });
    await this.writing;
  }

  private async write(): Promise<void> {
    const seq = this.options.db.data.appliedSeq;
    this.changedBesideJournal = false;
    const release = this.options.holdChanges();
    try {
      await this.options.db.write();
    } catch (error) {
      this.changedBesideJournal = true;
      this.failures++;
      this.options.onWriteFault(error instanceof Error ? error : new Error(String(error)));
      this.options.log.error('Could not save the store; the journal still holds every postback', {
        error: String(error),
      });
      this.timer = setTimeout(() => void this.writeNow(), Math.min(60_000, 1_000 * 2 ** this.failures));
      return;
    } finally {
      release();
    }
    if (this.failures > 0) this.options.onWriteFault(null);
    this.failures = 0;
    const replaced = this.writtenSeq;
    this.writtenSeq = seq;
    await this.options.afterWrite(replaced).catch((error: unknown) => {
      this.options.log.warn('Could not prune the journal', { error: String(error) });
    });
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
