// Reads the journal back at start-up: every intact record after a given sequence number, in order (intact: its
// checksum holds; its shape is checked by the caller, see replay.ts).
import type { FileSystem } from '../file-system.js';
import { decodeRecord } from './codec.js';
import type { StoredRecord } from './record.js';
import { listSegments, type Segment } from './segments.js';

export interface ReadResult {
  lastSeq: number;
  /** damaged lines inside a segment (checksum mismatch): skipped and reported, never applied */
  damaged: number;
  /** the last segment ends in an unterminated or damaged line (a write torn by a crash): cut off before appending */
  tornTail: { path: string; goodLength: number } | null;
}

export async function readJournal(
  fsys: FileSystem,
  dir: string,
  afterSeq: number,
  onRecord: (record: StoredRecord) => void,
): Promise<ReadResult> {
  const segments = await listSegments(fsys, dir);
  const result: ReadResult = { lastSeq: 0, damaged: 0, tornTail: null };
  for (const [index, segment] of segments.entries()) {
    const next = segments[index + 1];
    const isLast = next === undefined;
    // A segment whose successor starts at or before afterSeq+1 holds nothing new, but its last seq still counts.
    if (next && next.firstSeq <= afterSeq + 1) {
      result.lastSeq = Math.max(result.lastSeq, next.firstSeq - 1);
      continue;
    }
    await readSegment(fsys, segment, isLast, afterSeq, onRecord, result);
  }
  return result;
}

async function readSegment(
  fsys: FileSystem,
  segment: Segment,
  isLast: boolean,
  afterSeq: number,
  onRecord: (record: StoredRecord) => void,
  result: ReadResult,
): Promise<void> {
  const bytes = await fsys.readFile(segment.path);
  let start = 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(0x0a, start);
    const lineEnd = end === -1 ? bytes.length : end;
    const record = end === -1 ? null : decodeRecord(bytes.toString('utf8', start, lineEnd));
    if (!record) {
      if (isLast && isTail(bytes, lineEnd)) {
        result.tornTail = { path: segment.path, goodLength: start };
        return;
      }
      result.damaged++;
    } else {
      result.lastSeq = Math.max(result.lastSeq, record.seq);
      if (record.seq > afterSeq) onRecord(record);
    }
    start = lineEnd + 1;
  }
}

/** True when nothing but the final line (or trailing zero bytes) follows this point. */
function isTail(bytes: Buffer, lineEnd: number): boolean {
  for (let i = lineEnd + 1; i < bytes.length; i++) if (bytes[i] !== 0 && bytes[i] !== 0x0a) return false;
  return true;
}
