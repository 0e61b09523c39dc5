// Deletes journal segments the store no longer needs: every record in them is covered by the older of the two
// store checkpoints and by the backups the caller names (so the store and each kept backup can still be rebuilt),
// and the segment is past the retention window. Before a segment goes, the caller is told what it held.
import type { FileSystem } from '../file-system.js';
import { decodeRecord } from './codec.js';
import { listSegments, type Segment } from './segments.js';

export interface SegmentBounds {
  firstSeq: number;
  lastSeq: number;
  /** the first and last intact record's time (ms) */
  firstAt: number;
  lastAt: number;
}

export async function pruneSegments(
  fsys: FileSystem,
  dir: string,
  coveredSeq: number,
  keepNewerThanMs: number,
  beforeDelete?: (bounds: SegmentBounds) => Promise<void>,
): Promise<number> {
  const segments = await listSegments(fsys, dir);
  let deleted = 0;
  for (const [index, segment] of segments.entries()) {
    const next = segments[index + 1];
    if (!next || next.firstSeq - 1 > coveredSeq) break;
    const { mtimeMs } = await fsys.stat(segment.path);
    if (mtimeMs >= keepNewerThanMs) break;
    if (beforeDelete) await beforeDelete(await segmentBounds(fsys, segment, next.firstSeq - 1, mtimeMs));
    await fsys.unlink(segment.path);
    deleted++;
  }
  return deleted;
}

/** Its sequence numbers, and the times of its first and last intact lines (the file's time when none reads). */
export async function segmentBounds(
  fsys: FileSystem,
  segment: Segment,
  lastSeq: number,
  mtimeMs: number,
): Promise<SegmentBounds> {
  const bytes = await fsys.readFile(segment.path);
  const lineAt = (start: number, end: number) => decodeRecord(bytes.toString('utf8', start, end))?.at;
  let firstAt: number | undefined;
  for (let start = 0; firstAt === undefined && start < bytes.length; ) {
    const end = bytes.indexOf(0x0a, start);
    if (end === -1) break;
    firstAt = lineAt(start, end);
    start = end + 1;
  }
  let lastAt: number | undefined;
  // From the end, line by line: no need to decode a 16 MB segment whole for its last record.
  for (let end = bytes.lastIndexOf(0x0a); lastAt === undefined && end > 0; ) {
    const start = bytes.lastIndexOf(0x0a, end - 1) + 1;
    lastAt = lineAt(start, end);
    end = start - 1;
  }
  return { firstSeq: segment.firstSeq, lastSeq, firstAt: firstAt ?? mtimeMs, lastAt: lastAt ?? mtimeMs };
}
