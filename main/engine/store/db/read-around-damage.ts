// Reads the rows of a damaged database that still read, in key order. SQLite's `.recover` is not in better-sqlite3,
// so this walks a table by its integer key: a range scan until a damaged page stops it, then a search for the next
// key whose page reads (a seek lands on another leaf once past the damaged one), and on from there. A damaged leaf
// costs a few dozen seeks, not one per key it spans. A damaged page may also yield rows before SQLite notices: a
// row out of key order, or not shaped like the table's, ends the stretch like an error.
import type Database from 'better-sqlite3';

export interface KeyedTable<Row> {
  /** `SELECT … WHERE <key> >= ? AND <key> <= ? ORDER BY <key>` (more conditions may follow the two bounds) */
  rows: Database.Statement<unknown[], Row>;
  /** `SELECT <key> FROM … WHERE <key> >= ? AND <key> <= ? ORDER BY <key> LIMIT 1` */
  probe: Database.Statement<unknown[], unknown>;
  keyOf(row: Row): number;
  /** false for a row whose fields are not what the table holds (read off a damaged page) */
  sane?(row: Row): boolean;
  /** further parameters after the two bounds */
  extra?: unknown[];
}

/** Calls `onRow` for each row from..to that reads; returns how many damaged stretches were skipped. */
export function readAroundDamage<Row>(
  table: KeyedTable<Row>,
  from: number,
  to: number,
  onRow: (row: Row) => void,
): number {
  let skipped = 0;
  let cursor = from;
  let last = from - 1;
  while (cursor <= to) {
    try {
      for (const row of table.rows.iterate(cursor, to, ...(table.extra ?? []))) {
        const key = table.keyOf(row);
        // A damaged page can yield rows out of place before SQLite notices: they end this stretch.
        const outOfPlace = !Number.isSafeInteger(key) || key < Math.max(cursor, last) || key > to;
        if (outOfPlace || table.sane?.(row) === false) throw new Error('a row off a damaged page');
        last = key;
        onRow(row);
      }
      return skipped;
    } catch {
      skipped++;
      cursor = nextReadable(table, Math.max(cursor, last + 1) + 1, to);
    }
  }
  return skipped;
}

/** The smallest key ≥ from whose seek reads (to + 1 when none does). */
function nextReadable(table: KeyedTable<unknown>, from: number, to: number): number {
  const reads = (key: number) => {
    try {
      table.probe.get(key, to, ...(table.extra ?? []));
      return true;
    } catch {
      return false;
    }
  };
  let bad = from - 1;
  let step = 1;
  let good = from;
  // Gallop past the damage, then close in on where it ends.
  while (good <= to && !reads(good)) {
    bad = good;
    step *= 2;
    good = Math.min(to + 1, from + step);
  }
  if (good > to) good = to + 1;
  while (good - bad > 1) {
    const middle = bad + Math.floor((good - bad) / 2);
    if (reads(middle)) good = middle;
    else bad = middle;
  }
  return good;
}
