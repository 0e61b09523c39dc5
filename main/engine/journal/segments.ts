// Journal segments are files named by the sequence number of their first record, so the files sort in order and
// a reader can skip whole segments that lie before the store's checkpoint.
import path from 'node:path';
import type { FileSystem } from '../file-system.js';

const SEGMENT_PATTERN = /^(\d{12})\.jsonl$/;

export function segmentName(firstSeq: number): string {
  return `${String(firstSeq).padStart(12, '0')}.jsonl`;
}

export interface Segment {
  path: string;
  firstSeq: number;
}

export async function listSegments(fsys: FileSystem, dir: string): Promise<Segment[]> {
  const names = await fsys.readdir(dir);
  return names
    .map((name) => ({ name, match: SEGMENT_PATTERN.exec(name) }))
    .filter((entry) => entry.match)
    .map((entry) => ({ path: path.join(dir, entry.name), firstSeq: Number(entry.match?.[1]) }))
    .sort((a, b) => a.firstSeq - b.firstSeq);
}
