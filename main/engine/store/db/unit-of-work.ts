// One database transaction, and the in-memory copies that ride on it. Each module that keeps a cache of what the
// database holds (counts, watermarks, lists) enlists here: it writes what it must keep as the transaction's last
// step, and reads itself back when the transaction fails, so a rolled-back change never leaves a stale count.
import type { Db } from './open.js';

export interface TransactionParticipant {
  /** The last step inside the transaction: save what the cache holds that the database must keep with the rows. */
  beforeCommit?(): void;
  /** The transaction rolled back: forget or read again whatever the cache learned during it. */
  rolledBack(): void;
}

export class UnitOfWork {
  private readonly participants: TransactionParticipant[] = [];

  constructor(private readonly db: Db) {}

  enlist(participant: TransactionParticipant): void {
    this.participants.push(participant);
  }

  /** Runs `change` as one transaction; when anything in it throws, nothing of it stays, in the file or in memory. */
  run<T>(change: () => T): T {
    try {
      return this.db.transaction(() => {
        const result = change();
        for (const participant of this.participants) participant.beforeCommit?.();
        return result;
      })();
    } catch (error) {
      for (const participant of this.participants) participant.rolledBack();
      throw error;
    }
  }
}
