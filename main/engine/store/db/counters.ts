// The store's own numbers: the last journal record the database reflects, the receiver's counts, and the retention
// mark. Kept in memory for speed and saved in the meta table with every transaction (see unit-of-work.ts); only the
// named methods below change them, so no reader can.

import { emptyStats, type Meta, type ReceiverStats } from './meta.js';
import type { TransactionParticipant } from './unit-of-work.js';

export class StoreCounters implements TransactionParticipant {
  private seq = 0;
  private receiver: ReceiverStats = emptyStats();
  private trimmed = 0;

  constructor(private readonly meta: Meta) {
    this.rolledBack();
  }

  /** every journal record up to here is reflected in the database */
  get appliedSeq(): number {
    return this.seq;
  }

  get stats(): Readonly<ReceiverStats> {
    return this.receiver;
  }

  /** the newest feed position retention dropped: an event stream resuming from before it must start over */
  get trimmedThrough(): number {
    return this.trimmed;
  }

  /** The record at `seq` is applied (or skipped for good). */
  applied(seq: number): void {
    this.seq = seq;
  }

  postbackReceived(at: string): void {
    this.receiver.received++;
    this.receiver.lastPostbackAt = at;
  }

  testPostbackReceived(at: string): void {
    this.receiver.testPostbackAt = at;
  }

  /** A delivery changed nothing (impact.com's retry, or the same values sent again). */
  duplicateReceived(): void {
    this.receiver.duplicates++;
  }

  /** The quarantine now holds `count` entries. */
  quarantined(count: number): void {
    this.receiver.quarantined = count;
  }

  /** Retention dropped the feed through `pos`. */
  feedTrimmed(pos: number): void {
    this.trimmed = Math.max(this.trimmed, pos);
  }

  /** Counts that come from outside the journal: an older version's store (upgrade.ts), a seeded bench store. */
  carriedOver(stats: ReceiverStats): void {
    this.receiver = { ...stats };
  }

  beforeCommit(): void {
    this.meta.set('appliedSeq', this.seq);
    this.meta.set('stats', this.receiver);
    this.meta.set('trimmedThrough', this.trimmed);
  }

  rolledBack(): void {
    this.seq = this.meta.get('appliedSeq', 0);
    this.receiver = { ...emptyStats(), ...this.meta.get<Partial<ReceiverStats>>('stats', {}) };
    this.trimmed = this.meta.get('trimmedThrough', 0);
  }
}
