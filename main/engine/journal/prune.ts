// Deletes journal segments the store no longer needs: every record in them is covered by the older of the two
// store checkpoints (so either checkpoint can still be rebuilt) and the segment is past the retention window.
import type { FileSystem } from '../file-system.js';
import { listSegments } from './segments.js';

export async function pruneSegments(
  fsys: FileSystem,
  dir: string,
  coveredSeq: number,
  keepNewerThanMs: number,
): Promise<number> {
  const segments = await listSegments(fsys, dir);
  let deleted = 0;
  for (const [index, segment] of segments.entries()) {
    const next = segments[index + 1];
    if (!next || next.firstSeq - 1 > coveredSeq) break;
    const { mtimeMs } = await fsys.stat(segment.path);
    if (mtimeMs >= keepNewerThanMs) break;
    await fsys.unlink(segment.path);
    deleted++;
  }
  return deleted;
}
