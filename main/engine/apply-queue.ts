// Applies durable journal records in order, off the acknowledgement path, in slices so a burst of thousands does
// not hold up the answers to the postbacks arriving meanwhile. A slice is one database transaction (a command gets
// one of its own). When the database cannot commit (disk full, I/O error), applying stops and retries with a
// backoff; postbacks keep being acknowledged, because the journal already holds them.
import { type ApplyEffects, applyRecords } from './apply/index.js';
import type { JournalRecord } from './journal/record.js';
import type { Store } from './store/store.js';

/** Applying gives way to the receiver: short slices while postbacks are being acknowledged, long ones when idle. */
const BUSY_SLICE_MS = 2;
const IDLE_SLICE_MS = 16;
/** Records a slice takes before it looks at the clock again. */
const CHECK_EVERY = 32;

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
  private paused = false;
  private failures = 0;
  private waiters: { seq: number; resolve: () => void; reject: (error: Error) => void }[] = [];

  constructor(private readonly options: ApplyQueueOptions) {}

  push(records: JournalRecord[]): void {
    for (const record of records) this.queue.push(record);
    this.schedule();
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

  /** Holds applying (records keep queueing), e.g. while the database is checkpointed. */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    if (this.head < this.queue.length) this.schedule();
  }

  stop(): void {
    this.paused = true;
    if (this.scheduled) clearTimeout(this.scheduled as NodeJS.Timeout);
    this.scheduled = null;
  }

  private schedule(delayMs = 0): void {
    if (this.scheduled || this.paused) return;
    const run = () => {
      this.scheduled = null;
      this.runSlice();
    };
    this.scheduled = delayMs > 0 ? setTimeout(run, delayMs) : setImmediate(run);
  }

  private runSlice(): void {
    if (this.paused) return;
    const started = performance.now();
    const budget = this.options.receiverBusy?.() ? BUSY_SLICE_MS : IDLE_SLICE_MS;
    const effects: ApplyEffects[] = [];
    try {
      while (this.head < this.queue.length && performance.now() - started < budget) {
        const slice = this.nextSlice();
        effects.push(...applyRecords(this.options.store, slice));
        this.head += slice.length;
      }
    } catch (error) {
      this.failed(error);
      if (effects.length > 0) this.options.onApplied(effects);
      return;
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

  /**
   * The next run of postbacks and catch-up observations (up to CHECK_EVERY), or one command on its own. Never empty:
   * an empty slice would make no progress and spin (an observation first in the queue once did exactly that).
   */
  private nextSlice(): JournalRecord[] {
    const first = this.queue[this.head] as JournalRecord;
    if (first.type === 'command') return [first];
    const slice: JournalRecord[] = [];
    for (let i = this.head; i < this.queue.length && slice.length < CHECK_EVERY; i++) {
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
