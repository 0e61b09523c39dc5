// Writes journal segments the way the engine's writer lays them out (a new segment once the open one passes 16 MB,
// named by its first sequence number), in buffered appends rather than one fsync a record.
import fs from 'node:fs';
import path from 'node:path';
import { encodeRecord } from '../../main/engine/journal/codec.js';
import type { JournalRecord } from '../../main/engine/journal/record.js';
import { segmentName } from '../../main/engine/journal/segments.js';

/** the journal writer's segment size: a new segment starts once the open one reaches it */
const SEGMENT_BYTES = 16 * 1024 * 1024;

export class JournalSink {
  private fd: number | null = null;
  private size = 0;
  private chunks: string[] = [];
  totalBytes = 0;

  constructor(private readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
  }

  append(record: JournalRecord): void {
    if (this.fd === null || this.size >= SEGMENT_BYTES) this.open(record.seq);
    const line = encodeRecord(record);
    this.chunks.push(line);
    const bytes = Buffer.byteLength(line);
    this.size += bytes;
    this.totalBytes += bytes;
    if (this.chunks.length >= 1000) this.flush();
  }

  close(): void {
    this.flush();
    if (this.fd !== null) {
      fs.fsyncSync(this.fd);
      fs.closeSync(this.fd);
    }
    this.fd = null;
  }

  private open(firstSeq: number): void {
    this.close();
    this.fd = fs.openSync(path.join(this.dir, segmentName(firstSeq)), 'w');
    this.size = 0;
  }

  private flush(): void {
    if (this.fd !== null && this.chunks.length > 0) fs.writeSync(this.fd, this.chunks.join(''));
    this.chunks = [];
  }
}
