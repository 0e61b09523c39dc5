// Makes the store durable some time after changes, not on every postback: the journal already made each postback
// durable, so a checkpoint only bounds how much a restart must replay and lets old journal segments go.
//
// A checkpoint (1) has SQLite copy its write-ahead log into the database file, with both files synced, so every
// committed record is on disk; (2) writes the documents file, never ahead of the database (replay relies on that);
// and (3) prunes journal segments both cover.
//
// The syncs are the slow part (after a 20,000-postback burst into a million-product store: ~350 MB of log, random
// pages, 1–3 s), and SQLite would run them on the event loop, holding up every acknowledgement and UI call. So the
// engine syncs the files itself, off the loop, in SQLite's order, while applying is held (acknowledgements go on):
// sync the log; copy it into the database with SQLite's own syncs off (memory speed); sync the database; only then
// may a new transaction restart the log. Checkpoints wait for a quiet moment unless the log passes WAL_FORCE_BYTES.
import { statSync } from 'node:fs';
import type { FileSystem } from './file-system.js';
import { copyLogWithoutSync } from './store/db/wal.js';
import type { Store } from './store/store.js';
import type { Logger } from './types.js';

export interface CheckpointOptions {
  store: Store;
  log: Logger;
  /** wait this long after the last change… */
  quietMs: number;
  /** …but never longer than this after the first unsaved change */
  maxDelayMs: number;
  fsys: FileSystem;
  /** false while postbacks arrive or wait to be applied: a due checkpoint then waits (see WAL_FORCE_BYTES) */
  mayRun?: () => boolean;
  /** holds applying while the files are synced (no transaction may restart the log meanwhile); returns the release */
  holdApplying?: () => () => void;
  /** told the error when a checkpoint fails, and null once one succeeds again */
  onFault: (error: Error | null) => void;
  /** after each checkpoint, with the sequence number the database and the documents on disk both cover */
  afterCheckpoint: (coveredSeq: number) => Promise<void>;
  /** what the store on disk covered when it was opened (before replay): records replayed since are not durable yet */
  savedSeq: number;
}

/**
 * Past this size the log is copied even while postbacks arrive: the copy stays on the event loop (~0.7 s for the
 * 350 MB a 20,000 burst writes at a million products, on a busy machine), so it is done in pieces of about this
 * much. open.ts keeps the log file at most 16 MB after a restart, so its file size tells how much it holds.
 */
export const WAL_FORCE_BYTES = 64 * 2 ** 20;
/** How often a due checkpoint looks again for a quiet moment. */
const WAIT_FOR_IDLE_MS = 50;

export class Checkpointer {
  private timer: NodeJS.Timeout | null = null;
  private firstDirtyAt = 0;
  private running: Promise<void> | null = null;
  private durableSeq: number;
  /** the store's writes outside journal records (the page scanner's) that the last checkpoint covered */
  private durableOutsideWrites = 0;
  private failures = 0;

  constructor(private readonly options: CheckpointOptions) {
    this.durableSeq = options.savedSeq;
  }

  /** The store changed: checkpoint soon. */
  touch(): void {
    // After a failed checkpoint its retry is scheduled with a backoff (or running): new changes must not bring it
    // forward, nor queue another attempt behind the running one.
    if (this.failures > 0) return;
    if (!this.running && this.walBytes() >= WAL_FORCE_BYTES) {
      void this.start(false);
      return;
    }
    const now = Date.now();
    if (!this.timer) this.firstDirtyAt = now;
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.options.quietMs, this.firstDirtyAt + this.options.maxDelayMs - now));
    this.timer = setTimeout(() => this.due(), wait);
  }

  /** A checkpoint is due: run it now if this is a quiet moment (or the log is too big to wait), else look again soon. */
  private due(): void {
    const mayRun = this.options.mayRun?.() ?? true;
    if (mayRun || this.walBytes() >= WAL_FORCE_BYTES) {
      void this.start(false);
      return;
    }
    this.timer = setTimeout(() => this.due(), WAIT_FOR_IDLE_MS);
  }

  private walBytes(): number {
    try {
      return statSync(`${this.options.store.db.name}-wal`).size;
    } catch {
      return 0;
    }
  }

  /** Checkpoints now if anything is not on disk yet (and waits for one under way). */
  checkpointNow(): Promise<void> {
    return this.start(true);
  }

  private async start(forced: boolean): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.running) await this.running;
    // An attempt that failed meanwhile scheduled its own retry, with a backoff: a due checkpoint leaves it to that.
    if (!forced && this.failures > 0) return;
    if (!this.pending()) return;
    this.running = this.run().finally(() => {
      this.running = null;
    });
    await this.running;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private pending(): boolean {
    const { store } = this.options;
    const written = store.writtenDocuments;
    return (
      store.appliedSeq !== this.durableSeq ||
      store.outsideWrites !== this.durableOutsideWrites ||
      store.documentsVersion !== written.version ||
      written.appliedSeq !== this.durableSeq
    );
  }

  /** SQLite's checkpoint with its syncs done off the event loop (see the top of this file). */
  private async copyLogDurably(): Promise<void> {
    const { db } = this.options.store;
    const release = this.options.holdApplying?.() ?? (() => {});
    try {
      await this.sync(`${db.name}-wal`);
      copyLogWithoutSync(db);
      await this.sync(db.name);
    } finally {
      release();
    }
  }

  private async sync(file: string): Promise<void> {
    const { fsys } = this.options;
    let fd: number;
    try {
      fd = await fsys.open(file, 'r+');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // no log yet
      throw error;
    }
    try {
      await fsys.fsync(fd);
    } finally {
      await fsys.close(fd);
    }
  }

  private async run(): Promise<void> {
    const { store } = this.options;
    try {
      const seq = store.appliedSeq;
      const outsideWrites = store.outsideWrites;
      await this.copyLogDurably();
      this.durableSeq = seq;
      this.durableOutsideWrites = outsideWrites;
      await store.writeDocuments(seq);
    } catch (error) {
      this.failures++;
      this.options.onFault(error instanceof Error ? error : new Error(String(error)));
      this.options.log.error('Could not save the store; the journal still holds every postback', {
        error: String(error),
      });
      // One retry: a timer a touch() set while this attempt ran would be a second, sooner one.
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.checkpointNow(), Math.min(60_000, 1_000 * 2 ** this.failures));
      return;
    }
    if (this.failures > 0) this.options.onFault(null);
    this.failures = 0;
    await this.options.afterCheckpoint(this.durableSeq).catch((error: unknown) => {
      this.options.log.warn('Could not prune the journal', { error: String(error) });
    });
  }
}
