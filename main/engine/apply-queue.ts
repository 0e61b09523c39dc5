// Applies durable journal records in order, off the acknowledgement path, in slices so a burst of thousands does
// not hold up the answers to the postbacks arriving meanwhile. A slice is one database transaction (a command gets
// one of its own). When the database cannot commit (disk full, I/O error), applying stops and retries with a
// backoff; postbacks keep being acknowledged, because the journal already holds them.
import { type ApplyEffects, applyRecords } from './apply/index.js';
import type { JournalRecord } from './journal/record.js';
import type { Store } from './store/store.js';

/**
 * Applying gives way to the receiver: while postbacks arrive, applying takes at most BUSY_SHARE of the event loop's
 * time (one short transaction a turn), so acknowledgements keep flowing and the backlog is applied as the burst thins
 * out; when idle, long slices. Transactions are sized from the measured cost of a record, so a slice stays short
 * however slow the database is.
 */
const BUSY_SHARE = 0.2;
const BUSY_SLICE_MIN_MS = 0.5;
const BUSY_SLICE_MAX_MS = 2;
const IDLE_SLICE_MS = 16;
/** After the last durable batch the receiver counts as busy this long: a burst's requests come in waves. */
const BUSY_LINGER_MS = 50;
/** Records one transaction takes at most (a run of postbacks; a command is one of its own). */
const MAX_TRANSACTION = 256;

export interface ApplyQueueOptions {
  store: Store;
  onApplied: (effects: ApplyEffects[]) => void;
  /** told the error when a transaction fails, and null once one succeeds again */
  onFault: (error: Error | null) => void;
  receiverBusy?: () => boolean;
}

export class ApplyQueue {
  private queue: JournalRecord[] = [];
  private head = 0;
  private scheduled: NodeJS.Immediate | NodeJS.Timeout | null = null;
  /** holds on applying (an upgrade, a checkpoint's syncs): applying waits while any is held */
  private holds = 0;
  private stopped = false;
  private failures = 0;
  private waiters: { seq: number; resolve: () => void; reject: (error: Error) => void }[] = [];
  private unheldWaiters: (() => void)[] = [];
  private lastPushAt = Number.NEGATIVE_INFINITY;
  private lastSliceEndedAt = 0;
  /** milliseconds a record takes to apply, smoothed over recent transactions */
  private msPerRecord = 0.2;

  constructor(private readonly options: ApplyQueueOptions) {}

  push(records: JournalRecord[]): void {
    for (const record of records) this.queue.push(record);
    this.lastPushAt = performance.now();
    this.schedule();
  }

  /** Nothing waits to be applied and no postbacks are being journaled: a moment for slow work (checkpoints). */
  get idle(): boolean {
    return this.head === this.queue.length && !(this.options.receiverBusy?.() ?? false);
  }

  private receiverBusy(): boolean {
    return (this.options.receiverBusy?.() ?? false) || performance.now() - this.lastPushAt < BUSY_LINGER_MS;
  }

  /** Resolves once the record with this sequence number is applied; rejects when applying fails meanwhile. */
  applied(seq: number): Promise<void> {
    if (this.options.store.appliedSeq >= seq) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ seq, resolve, reject }));
  }

  /** Resolves once everything pushed so far is applied (or at once when applying is failing). */
  drained(): Promise<void> {
    const last = this.queue.at(-1);
    return last && this.failures === 0 ? this.applied(last.seq) : Promise.resolve();
  }

  /** Holds applying (records keep queueing), e.g. while the database is upgraded or checkpointed; holds nest. */
  pause(): void {
    this.holds++;
  }

  resume(): void {
    this.holds = Math.max(0, this.holds - 1);
    if (this.holds > 0) return;
    for (const resolve of this.unheldWaiters.splice(0)) resolve();
    if (this.head < this.queue.length) this.schedule();
  }

  /**
   * Resolves once nothing holds applying: the database's other writer (the page scanner) must not commit while a
   * checkpoint syncs the files either. Write synchronously right after it resolves.
   */
  whenUnheld(): Promise<void> {
    if (this.holds === 0) return Promise.resolve();
    return new Promise((resolve) => this.unheldWaiters.push(resolve));
  }

  stop(): void {
    this.stopped = true;
    if (this.scheduled) clearTimeout(this.scheduled as NodeJS.Timeout);
    this.scheduled = null;
  }

  private schedule(delayMs = 0): void {
    if (this.scheduled || this.holds > 0 || this.stopped) return;
    const run = () => {
      this.scheduled = null;
      this.runSlice();
    };
    this.scheduled = delayMs > 0 ? setTimeout(run, delayMs) : setImmediate(run);
  }

  private runSlice(): void {
    if (this.holds > 0 || this.stopped) return;
    const started = performance.now();
    const busy = this.receiverBusy();
    // While busy, the time since the last slice went to the receiver (or to nothing): apply takes its share of it.
    const share = ((started - this.lastSliceEndedAt) * BUSY_SHARE) / (1 - BUSY_SHARE);
    const budget = busy ? Math.min(BUSY_SLICE_MAX_MS, Math.max(BUSY_SLICE_MIN_MS, share)) : IDLE_SLICE_MS;
    const effects: ApplyEffects[] = [];
    try {
      for (;;) {
        const elapsed = performance.now() - started;
        if (this.head === this.queue.length || elapsed >= budget) break;
        const fits = Math.floor((budget - elapsed) / this.msPerRecord);
        const slice = this.nextSlice(Math.min(MAX_TRANSACTION, Math.max(1, fits)));
        const before = performance.now();
        effects.push(...applyRecords(this.options.store, slice));
        this.head += slice.length;
        this.learnCost((performance.now() - before) / slice.length);
        if (busy) break; // one transaction, then the receiver's turn
      }
    } catch (error) {
      this.failed(error);
      if (effects.length > 0) this.options.onApplied(effects);
      return;
    } finally {
      this.lastSliceEndedAt = performance.now();
    }
    if (this.failures > 0) {
      this.failures = 0;
      this.options.onFault(null);
    }
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else {
      this.schedule();
    }
    this.releaseWaiters();
    if (effects.length > 0) this.options.onApplied(effects);
  }

  private learnCost(msPerRecord: number): void {
    this.msPerRecord = Math.min(50, Math.max(0.005, this.msPerRecord * 0.8 + msPerRecord * 0.2));
  }

  /**
   * The next run of up to `max` postbacks and catch-up observations, or one command on its own. Never empty:
   * an empty slice would make no progress and spin (an observation first in the queue once did exactly that).
   */
  private nextSlice(max: number): JournalRecord[] {
    const first = this.queue[this.head] as JournalRecord;
    if (first.type === 'command') return [first];
    const slice: JournalRecord[] = [];
    for (let i = this.head; i < this.queue.length && slice.length < max; i++) {
      const record = this.queue[i] as JournalRecord;
      if (record.type === 'command') break;
      slice.push(record);
    }
    return slice;
  }

  private failed(error: unknown): void {
    this.failures++;
    const failure = error instanceof Error ? error : new Error(String(error));
    this.options.onFault(failure);
    this.releaseWaiters();
    // Whoever waits for a record now learns that it is journaled (kept) but not applied yet.
    for (const waiter of this.waiters.splice(0)) waiter.reject(failure);
    this.schedule(Math.min(60_000, 500 * 2 ** Math.min(this.failures, 7)));
  }

  private releaseWaiters(): void {
    const appliedSeq = this.options.store.appliedSeq;
    const ready = this.waiters.filter((waiter) => waiter.seq <= appliedSeq);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((waiter) => waiter.seq > appliedSeq);
    for (const waiter of ready) waiter.resolve();
  }
}
