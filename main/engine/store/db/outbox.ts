// The outbox: messages waiting to go to a channel. A message is written in the transaction that raises its first
// alert; alerts raised while its digest window is open join it (the first MAX_KEPT_ITEMS in full, the rest
// counted). The sender takes each channel's messages in order, one at a time, and deletes a message once delivered.
import type { AlertItem } from '../../channels/message/alert-item.js';
import { MAX_KEPT_ITEMS } from '../../channels/message/outgoing.js';
import type { Db } from './open.js';

export const WAITING = 0;
export const FAILED = 1;

export interface OutboxMessage {
  id: number;
  channelId: string;
  messageId: string;
  createdAt: number;
  windowEnd: number;
  dueAt: number;
  attempts: number;
  total: number;
}

interface OutboxRow {
  id: number;
  channel_id: string;
  message_id: string;
  created_at: number;
  window_end: number;
  due_at: number;
  attempts: number;
  total: number;
}

/** Failed messages kept per channel, newest: enough to count and show, bounded whatever happens. */
const FAILED_KEPT = 100;

const messageOf = (row: OutboxRow): OutboxMessage => ({
  id: row.id,
  channelId: row.channel_id,
  messageId: row.message_id,
  createdAt: row.created_at,
  windowEnd: row.window_end,
  dueAt: row.due_at,
  attempts: row.attempts,
  total: row.total,
});

export class OutboxTable {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      open: db.prepare<[string, number], { id: number; total: number }>(
        `SELECT id, total FROM outbox WHERE channel_id = ? AND state = ${WAITING} AND NOT sealed AND window_end > ?
         ORDER BY window_end DESC, id DESC LIMIT 1`,
      ),
      create: db.prepare<[string, string, number, number, number]>(
        'INSERT INTO outbox (channel_id, message_id, created_at, window_end, due_at, total) VALUES (?, ?, ?, ?, ?, 1)',
      ),
      addItem: db.prepare('INSERT OR REPLACE INTO outbox_items (message, n, item) VALUES (?, ?, ?)'),
      bump: db.prepare('UPDATE outbox SET total = total + 1 WHERE id = ?'),
      head: db.prepare<[string], OutboxRow>(
        `SELECT * FROM outbox WHERE channel_id = ? AND state = ${WAITING} ORDER BY window_end, id LIMIT 1`,
      ),
      items: db.prepare<[number], { item: string }>('SELECT item FROM outbox_items WHERE message = ? ORDER BY n'),
      seal: db.prepare('UPDATE outbox SET sealed = 1 WHERE id = ?'),
      remove: db.prepare('DELETE FROM outbox WHERE id = ?'),
      removeItems: db.prepare('DELETE FROM outbox_items WHERE message = ?'),
      retry: db.prepare('UPDATE outbox SET due_at = ?, due_asked = ?, attempts = ?, last_error = ? WHERE id = ?'),
      dueNow: db.prepare(
        `UPDATE outbox SET due_at = ? WHERE state = ${WAITING} AND due_at > ? AND NOT due_asked AND attempts > 0`,
      ),
      fail: db.prepare(`UPDATE outbox SET state = ${FAILED}, sealed = 1, attempts = ?, last_error = ? WHERE id = ?`),
      trimFailed: db.prepare(
        `DELETE FROM outbox WHERE channel_id = ? AND state = ${FAILED} AND id NOT IN
           (SELECT id FROM outbox WHERE channel_id = ? AND state = ${FAILED} ORDER BY id DESC LIMIT ${FAILED_KEPT})`,
      ),
      expireUnsent: db.prepare(
        `UPDATE outbox SET state = ${FAILED}, sealed = 1, last_error = ? WHERE state = ${WAITING} AND attempts = 0 AND window_end <= ?`,
      ),
      orphanItems: db.prepare(
        `DELETE FROM outbox_items WHERE message NOT IN (SELECT id FROM outbox WHERE state = ${WAITING})`,
      ),
      counts: db.prepare<[string], { state: number; n: number }>(
        'SELECT state, count(*) AS n FROM outbox WHERE channel_id = ? GROUP BY state',
      ),
      removeChannel: db.prepare('DELETE FROM outbox WHERE channel_id = ?'),
    };
  }

  /**
   * Adds an alert to the channel's message whose digest window is still open at `at`, or starts a message.
   * `digestMs` 0: a message of its own. `messageId` names the message it starts (stable: it derives from the alert).
   */
  add(channelId: string, digestMs: number, item: AlertItem, messageId: string, at: number): void {
    const open = digestMs > 0 ? this.s.open.get(channelId, at) : undefined;
    if (open) {
      if (open.total < MAX_KEPT_ITEMS) this.s.addItem.run(open.id, open.total, JSON.stringify(item));
      this.s.bump.run(open.id);
      return;
    }
    const windowEnd = at + digestMs;
    const id = Number(this.s.create.run(channelId, messageId, at, windowEnd, windowEnd).lastInsertRowid);
    this.s.addItem.run(id, 0, JSON.stringify(item));
  }

  /** The channel's next message to send (the oldest waiting one), whether or not it is due yet. */
  head(channelId: string): OutboxMessage | undefined {
    const row = this.s.head.get(channelId);
    return row ? messageOf(row) : undefined;
  }

  items(id: number): AlertItem[] {
    return this.s.items.all(id).map((row) => JSON.parse(row.item) as AlertItem);
  }

  /** The sender took the message: no alert joins it any more (it may be on its way). */
  seal(id: number): void {
    this.s.seal.run(id);
  }

  delivered(id: number): void {
    this.s.remove.run(id);
    this.s.removeItems.run(id);
  }

  /** `asked`: the target asked for this wait (429 with Retry-After); else it is the sender's own backoff. */
  retryAt(id: number, dueAt: number, asked: boolean, attempts: number, error: string): void {
    this.s.retry.run(dueAt, asked ? 1 : 0, attempts, error, id);
  }

  /** At start-up: messages waiting out the sender's own backoff are tried again at once (not those a target paced). */
  retryNow(now: number): void {
    this.s.dueNow.run(now, now);
  }

  /** Given up: kept (without its items) so the channel can say how many failed. */
  failed(message: OutboxMessage, attempts: number, error: string): void {
    this.s.fail.run(attempts, error, message.id);
    this.s.removeItems.run(message.id);
    this.s.trimFailed.run(message.channelId, message.channelId);
  }

  /**
   * Fails, unsent, the messages never tried whose window closed before `before` (a database rebuilt from a week of
   * journal must not send a week of old alerts again). Returns how many.
   */
  expireUnsent(before: number, reason: string, channelIds: readonly string[]): number {
    const expired = this.s.expireUnsent.run(reason, before).changes;
    if (expired > 0) {
      this.s.orphanItems.run();
      for (const id of channelIds) this.s.trimFailed.run(id, id);
    }
    return expired;
  }

  counts(channelId: string): { waiting: number; failed: number } {
    const counts = { waiting: 0, failed: 0 };
    for (const row of this.s.counts.all(channelId)) {
      if (row.state === WAITING) counts.waiting = row.n;
      if (row.state === FAILED) counts.failed = row.n;
    }
    return counts;
  }

  /** A deleted channel's messages go with it. */
  removeChannel(channelId: string): void {
    this.s.removeChannel.run(channelId);
    this.s.orphanItems.run();
  }
}
