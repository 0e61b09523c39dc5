// What each device has read. "Mark all read" moves a device's watermark (everything at or before it is read);
// single entries marked after it are rows of their own. Unread counts are kept per device in memory.

import type { Db } from './open.js';
import type { TransactionParticipant } from './unit-of-work.js';

export const LOCAL_DEVICE = 'local';

export class ReadState implements TransactionParticipant {
  private readonly throughStatement;
  private readonly setThroughStatement;
  private readonly marksInStatement;
  private readonly markStatement;
  private readonly dropMarksThroughStatement;
  private readonly dropDeviceMarksStatement;
  private readonly forgetDeviceStatement;
  private readonly unreadAfterStatement;
  private readonly marksAfterStatement;
  private readonly oldestStatement;
  private readonly keepReadStatement;
  private readonly unmarkStatement;
  private readonly throughCache = new Map<string, number>();
  private readonly unreadCache = new Map<string, number>();

  constructor(
    private readonly db: Db,
    /** entries in the feed (kept by the feed table) */
    private readonly feedEntries: () => number,
  ) {
    this.throughStatement = db.prepare<[string], { pos: number }>('SELECT pos FROM read_through WHERE device = ?');
    this.setThroughStatement = db.prepare('INSERT OR REPLACE INTO read_through (device, pos) VALUES (?, ?)');
    this.marksInStatement = db.prepare<[string, number, number], { pos: number }>(
      'SELECT pos FROM read_marks WHERE device = ? AND pos BETWEEN ? AND ?',
    );
    this.markStatement = db.prepare(
      'INSERT OR IGNORE INTO read_marks (device, pos) SELECT ?, pos FROM feed WHERE pos = ?',
    );
    this.dropMarksThroughStatement = db.prepare('DELETE FROM read_marks WHERE pos <= ?');
    this.dropDeviceMarksStatement = db.prepare('DELETE FROM read_marks WHERE device = ? AND pos <= ?');
    this.forgetDeviceStatement = db.prepare('DELETE FROM read_marks WHERE device = ?');
    this.unreadAfterStatement = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM feed WHERE pos > ?');
    this.marksAfterStatement = db.prepare<[string, number], { n: number }>(
      'SELECT count(*) AS n FROM read_marks WHERE device = ? AND pos > ?',
    );
    this.oldestStatement = db.prepare<[], { pos: number }>('SELECT pos FROM feed ORDER BY pos LIMIT 1');
    this.keepReadStatement = db.prepare(
      'INSERT OR IGNORE INTO read_marks (device, pos) SELECT ?, pos FROM feed WHERE pos > ? AND pos <= ?',
    );
    this.unmarkStatement = db.prepare('DELETE FROM read_marks WHERE device = ? AND pos = ?');
  }

  through(device: string): number {
    let pos = this.throughCache.get(device);
    if (pos === undefined) {
      pos = this.throughStatement.get(device)?.pos ?? 0;
      this.throughCache.set(device, pos);
    }
    return pos;
  }

  unread(device: string): number {
    let count = this.unreadCache.get(device);
    if (count === undefined) {
      const through = this.through(device);
      // Nothing read yet of what the feed holds: every entry counts, without reading 200,000 of them from disk.
      const allAfter = through < (this.oldestStatement.get()?.pos ?? Number.POSITIVE_INFINITY);
      const after = allAfter ? this.feedEntries() : (this.unreadAfterStatement.get(through)?.n ?? 0);
      count = after - (this.marksAfterStatement.get(device, through)?.n ?? 0);
      this.unreadCache.set(device, count);
    }
    return count;
  }

  /** Which of these positions (from lowest to highest) the device has read. */
  readAmong(device: string, positions: number[]): Set<number> {
    const read = new Set<number>();
    if (positions.length === 0) return read;
    const through = this.through(device);
    let low = Number.POSITIVE_INFINITY;
    let high = 0;
    for (const pos of positions) {
      if (pos <= through) read.add(pos);
      else {
        low = Math.min(low, pos);
        high = Math.max(high, pos);
      }
    }
    if (high > 0) for (const row of this.marksInStatement.all(device, low, high)) read.add(row.pos);
    return read;
  }

  /** Marks entries read; positions not in the feed (trimmed, or never there) are ignored. */
  markRead(device: string, positions: number[]): void {
    const through = this.through(device);
    const fresh = positions.filter((pos) => pos > through);
    const already = this.readAmong(device, fresh);
    let marked = 0;
    for (const pos of fresh) if (!already.has(pos) && this.markStatement.run(device, pos).changes > 0) marked++;
    if (this.unreadCache.has(device)) this.unreadCache.set(device, this.unread(device) - marked);
  }

  /**
   * Marks entries unread again. One the watermark covers lowers it to just before that entry, and everything
   * between stays read as single marks (as many rows as entries newer than it: a user marks recent ones unread).
   */
  markUnread(device: string, positions: number[]): void {
    if (positions.length === 0) return;
    const through = this.through(device);
    const lowest = Math.min(...positions);
    if (lowest <= through) {
      this.keepReadStatement.run(device, lowest, through);
      this.setThroughStatement.run(device, lowest - 1);
      this.throughCache.set(device, lowest - 1);
    }
    for (const pos of positions) this.unmarkStatement.run(device, pos);
    this.unreadCache.delete(device);
  }

  /** Everything up to and including `pos` is read for this device. */
  markAllRead(device: string, pos: number): void {
    if (pos <= this.through(device)) return;
    this.setThrough(device, pos);
    this.dropMarksThrough(device, pos);
  }

  /**
   * Moves the watermark, up or down, and keeps the single marks: an undoable "mark all read" (read-batches.ts) needs
   * those between the old and the new watermark to go back.
   */
  setThrough(device: string, pos: number): void {
    this.setThroughStatement.run(device, pos);
    this.throughCache.set(device, pos);
    this.unreadCache.delete(device);
  }

  /** Single marks at or below the watermark say nothing more: they go. */
  dropMarksThrough(device: string, pos: number): void {
    this.dropDeviceMarksStatement.run(device, pos);
  }

  /** `delta` entries became unread (negative: read) other than through this class. */
  adjustUnread(device: string, delta: number): void {
    const count = this.unreadCache.get(device);
    if (count !== undefined) this.unreadCache.set(device, count + delta);
  }

  /** A new entry is unread for every device. */
  appended(): void {
    for (const [device, count] of this.unreadCache) this.unreadCache.set(device, count + 1);
  }

  /**
   * The feed lost these oldest entries (positions, oldest first): their marks go, and each cached unread count loses
   * the ones that device had not read. (Counting afresh costs a scan of the whole feed, and a burst trims every few
   * dozen entries while the UI asks for the count.)
   */
  trimmed(dropped: readonly number[]): void {
    const through = dropped.at(-1);
    if (through === undefined) return;
    for (const [device, count] of this.unreadCache) {
      const watermark = this.through(device);
      const unreadFrom = dropped.findIndex((pos) => pos > watermark);
      if (unreadFrom === -1) continue;
      const marked = this.marksInStatement.all(device, dropped[unreadFrom] as number, through).length;
      this.unreadCache.set(device, count - (dropped.length - unreadFrom) + marked);
    }
    this.dropMarksThroughStatement.run(through);
  }

  /** Cached positions and counts may be wrong (a transaction failed): read them afresh when next asked. */
  forgetCounts(): void {
    this.throughCache.clear();
    this.unreadCache.clear();
  }

  rolledBack(): void {
    this.forgetCounts();
  }

  forget(device: string): void {
    this.forgetDeviceStatement.run(device);
    this.db.prepare('DELETE FROM read_through WHERE device = ?').run(device);
    this.throughCache.delete(device);
    this.unreadCache.delete(device);
  }
}
