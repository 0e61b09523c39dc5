// What pruning took away: one line per deleted segment (its sequence numbers, the times of its first and last
// record, and how many products had been first seen by then). Tiny, kept beside the journal in two generations, and
// read only when a repair cannot reach back (the database and every backup that covered those records lost): the
// notice can then say exactly which dates and how many products could not be recovered.
import path from 'node:path';
import { z } from 'zod';
import type { FileSystem } from '../file-system.js';
import { replaceDurably } from '../store/generations.js';

const LEDGER = 'pruned.json';

const prunedRangeSchema = z.object({
  firstSeq: z.number(),
  lastSeq: z.number(),
  /** the first and last record's time (ms) */
  firstAt: z.number(),
  lastAt: z.number(),
  /** products first seen at or before lastAt, when the segment was deleted */
  productsBefore: z.number(),
});
const ledgerSchema = z.object({ version: z.literal(1), ranges: z.array(prunedRangeSchema) });

export type PrunedRange = z.infer<typeof prunedRangeSchema>;

function paths(dir: string) {
  return {
    dir,
    file: path.join(dir, LEDGER),
    previous: path.join(dir, 'pruned.prev.json'),
    temp: path.join(dir, 'pruned.json.tmp'),
  };
}

/** Every pruned range recorded, oldest first; empty when there is no ledger (nothing pruned, or an older folder). */
export async function readPrunedLedger(fsys: FileSystem, dir: string): Promise<PrunedRange[]> {
  const { file, previous } = paths(dir);
  for (const candidate of [file, previous]) {
    try {
      const parsed = ledgerSchema.safeParse(JSON.parse((await fsys.readFile(candidate)).toString('utf8')));
      if (parsed.success) return parsed.data.ranges;
    } catch {
      // missing or unreadable: the previous generation
    }
  }
  return [];
}

/** Adds a range before its segment is deleted (a crash between leaves a line for a segment still there: harmless). */
export async function recordPruned(fsys: FileSystem, dir: string, range: PrunedRange): Promise<void> {
  const ranges = (await readPrunedLedger(fsys, dir)).filter((known) => known.firstSeq !== range.firstSeq);
  const bytes = Buffer.from(`${JSON.stringify({ version: 1, ranges: [...ranges, range] })}\n`, 'utf8');
  await replaceDurably(fsys, paths(dir), (fd) => fsys.write(fd, bytes));
}
