// "Mark all read" that can be undone. With no filter it moves the device's watermark (one row, whatever the feed
// holds); with a filter (Alerts, a search) it marks each entry the view shows, tagged with the command's seq. Each
// device keeps its newest batch in `read_undo`; Undo makes exactly the entries that batch made read unread again:
// - a watermark batch keeps the single marks between its old and its new watermark (they were read before it), so
//   Undo is lowering the watermark back, while nothing else moved it since;
// - a filtered batch's Undo deletes the marks tagged with its seq, and only those.
// A newer batch ends the chance to undo the older one, and only then are the marks the watermark covers dropped.
import type { Db } from './open.js';
import type { ReadState } from './read-state.js';

export interface Batch {
  /** the id the UI's Undo names */
  id: string;
  /** the journal seq of the command that made it */
  seq: number;
}

export interface BatchOutcome {
  id: string;
  /** entries it made read */
  marked: number;
  /** entries its Undo made unread again; null while not undone */
  restored: number | null;
}

interface UndoRow {
  id: string;
  batch: number;
  filtered: number;
  old_through: number;
  new_through: number;
  marked: number;
  restored: number | null;
}

export class ReadBatches {
  private readonly getStatement;
  private readonly saveStatement;
  private readonly restoredStatement;
  private readonly forgetStatement;
  private readonly markStatement;
  private readonly unmarkStatement;

  constructor(
    db: Db,
    private readonly readState: ReadState,
  ) {
    this.getStatement = db.prepare<[string], UndoRow>('SELECT * FROM read_undo WHERE device = ?');
    this.saveStatement = db.prepare(
      `INSERT OR REPLACE INTO read_undo (device, id, batch, filtered, old_through, new_through, marked, restored)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL)`,
    );
    this.restoredStatement = db.prepare('UPDATE read_undo SET restored = ? WHERE device = ?');
    this.forgetStatement = db.prepare('DELETE FROM read_undo WHERE device = ?');
    // Positions come from the feed; one statement for all of them, however many (a JSON array of numbers).
    this.markStatement = db.prepare(
      'INSERT OR IGNORE INTO read_marks (device, pos, batch) SELECT ?, value, ? FROM json_each(?) WHERE value > ?',
    );
    this.unmarkStatement = db.prepare('DELETE FROM read_marks WHERE device = ? AND batch = ?');
  }

  /** The device's newest batch, whether it was undone, and how many it marked and restored. */
  last(device: string): BatchOutcome | undefined {
    const row = this.getStatement.get(device);
    return row && { id: row.id, marked: row.marked, restored: row.restored };
  }

  /** Everything up to and including `through` is read for this device, undoably. */
  markThrough(device: string, through: number, batch: Batch): void {
    const old = this.readState.through(device);
    if (through <= old) {
      this.save(device, batch, false, old, old, 0);
      return;
    }
    const before = this.readState.unread(device);
    this.readState.dropMarksThrough(device, old); // an older batch's: it can no longer be undone
    this.readState.setThrough(device, through);
    this.save(device, batch, false, old, through, before - this.readState.unread(device));
  }

  /** These entries (positions in the feed) are read for this device, undoably. */
  markPositions(device: string, positions: readonly number[], batch: Batch): void {
    const through = this.readState.through(device);
    this.readState.dropMarksThrough(device, through);
    const marked = this.markStatement.run(device, batch.seq, JSON.stringify(positions), through).changes;
    this.readState.adjustUnread(device, -marked);
    this.save(device, batch, true, through, through, marked);
  }

  /** Takes back the device's newest batch when it is `id`; a batch superseded or undone already stays as it is. */
  undo(device: string, id: string): void {
    const row = this.getStatement.get(device);
    if (!row || row.id !== id || row.restored !== null) return;
    const before = this.readState.unread(device);
    if (row.filtered === 1) {
      this.readState.adjustUnread(device, this.unmarkStatement.run(device, row.batch).changes);
    } else if (this.readState.through(device) === row.new_through) {
      this.readState.setThrough(device, row.old_through);
    }
    this.restoredStatement.run(this.readState.unread(device) - before, device);
  }

  forget(device: string): void {
    this.forgetStatement.run(device);
  }

  private save(device: string, batch: Batch, filtered: boolean, old: number, through: number, marked: number) {
    this.saveStatement.run(device, batch.id, batch.seq, filtered ? 1 : 0, old, through, marked);
  }
}
