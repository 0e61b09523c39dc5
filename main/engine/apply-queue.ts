// Applies durable journal records in order, off the acknowledgement path, in slices so a burst of thousands does
// not hold up the answers to the postbacks arriving meanwhile.
import { type ApplyEffects, applyRecord } from './apply/index.js';
import type { JournalRecord } from './journal/record.js';
import type { StoreView } from './store/view.js';

/** Applying gives way to the receiver: short slices while postbacks are being acknowledged, long ones when idle. */
const BUSY_SLICE_MS = 2;
const IDLE_SLICE_MS = 16;

export class ApplyQueue {
  private queue: JournalRecord[] = [];
  private head = 0;
  private scheduled = false;
  private paused = false;
  private waiters: { seq: number; resolve: () => void }[] = [];

  constructor(
    private readonly view: StoreView,
    private readonly onApplied: (effects: ApplyEffects[]) => void,
    private readonly receiverBusy: () => boolean = () => false,
  ) {}

  push(records: JournalRecord[]): void {
    for (const record of records) this.queue.push(record);
    this.schedule();
  }

  /** Resolves once the record with this sequence number is applied. */
  applied(seq: number): Promise<void> {
    if (this.view.data.appliedSeq >= seq) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ seq, resolve }));
  }

  /** Resolves once everything pushed so far is applied. */
  drained(): Promise<void> {
    const last = this.queue.at(-1);
    return last ? this.applied(last.seq) : Promise.resolve();
  }

  /** Holds applying (records keep queueing) while the store is being written in pieces. */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    if (this.head < this.queue.length) this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.paused) return;
    this.scheduled = true;
    setImmediate(() => this.runSlice());
  }

  private runSlice(): void {
    this.scheduled = false;
    if (this.paused) return;
    const started = performance.now();
    const budget = this.receiverBusy() ? BUSY_SLICE_MS : IDLE_SLICE_MS;
    const effects: ApplyEffects[] = [];
    while (this.head < this.queue.length && performance.now() - started < budget) {
      const record = this.queue[this.head++] as JournalRecord;
      if (record.seq > this.view.data.appliedSeq) effects.push(applyRecord(this.view, record));
    }
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else {
      this.schedule();
    }
    this.releaseWaiters();
    if (effects.length > 0) this.onApplied(effects);
  }

  private releaseWaiters(): void {
    const appliedSeq = this.view.data.appliedSeq;
    const ready = this.waiters.filter((waiter) => waiter.seq <= appliedSeq);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((waiter) => waiter.seq > appliedSeq);
    for (const waiter of ready) waiter.resolve();
  }
}
