// Appends records with group commit: every record that arrives while one fsync runs shares the next one.
// A caller's promise resolves only once its record is on disk; that is when the receiver may answer 200.
import path from 'node:path';
import type { FileSystem } from '../file-system.js';
import { syncDirectory } from '../file-system.js';
import { encodeRecord } from './codec.js';
import type { JournalRecord, RecordBody } from './record.js';
import { segmentName } from './segments.js';

const SEGMENT_BYTES = 16 * 1024 * 1024;

interface Pending {
  body: RecordBody;
  at: number;
  resolve: (record: JournalRecord) => void;
  reject: (error: Error) => void;
}

export interface WriterOptions {
  fsys: FileSystem;
  dir: string;
  lastSeq: number;
  /** called with each durable batch, in order, after its callers were answered */
  onDurable: (records: JournalRecord[]) => void;
  /** called with the error when a batch could not be made durable, and with null once a batch succeeds again */
  onFault: (error: Error | null) => void;
}

export class JournalWriter {
  private pending: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private fd: number | null = null;
  /** bytes of the open segment known to be on disk */
  private size = 0;
  private lastSeq: number;
  private faulted = false;
  private closed = false;

  constructor(private readonly options: WriterOptions) {
    this.lastSeq = options.lastSeq;
  }

  /** True while records wait for or undergo an fsync: postbacks are being acknowledged. */
  get busy(): boolean {
    return this.flushing !== null;
  }

  get appendedSeq(): number {
    return this.lastSeq;
  }

  /** Resolves with the record (and its sequence number) once it is fsynced; rejects when storage fails. */
  append(body: RecordBody, at: number): Promise<JournalRecord> {
    if (this.closed) return Promise.reject(new Error('journal is closed'));
    return new Promise((resolve, reject) => {
      this.pending.push({ body, at, resolve, reject });
      this.flushing ??= this.flushLoop();
    });
  }

  /** Waits for everything appended so far, then closes the segment. Later appends are refused. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flushing;
    if (this.fd !== null) await this.options.fsys.close(this.fd).catch(() => undefined);
    this.fd = null;
  }

  private async flushLoop(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      await this.flushBatch(batch);
    }
    this.flushing = null;
  }

  private async flushBatch(batch: Pending[]): Promise<void> {
    const firstSeq = this.lastSeq + 1;
    const records = batch.map((item, index) => ({ ...item.body, seq: firstSeq + index, at: item.at }) as JournalRecord);
    const bytes = Buffer.from(records.map(encodeRecord).join(''), 'utf8');
    try {
      await this.ensureSegment(firstSeq);
      await this.writeDurably(bytes);
    } catch (error) {
      await this.undoPartialWrite();
      const failure = error instanceof Error ? error : new Error(String(error));
      this.faulted = true;
      this.options.onFault(failure);
      for (const item of batch) item.reject(failure);
      return;
    }
    this.lastSeq += records.length;
    if (this.faulted) {
      this.faulted = false;
      this.options.onFault(null);
    }
    for (const [index, record] of records.entries()) batch[index]?.resolve(record);
    this.options.onDurable(records);
  }

  private async writeDurably(bytes: Buffer): Promise<void> {
    const fd = this.fd as number;
    await this.options.fsys.write(fd, bytes);
    await this.options.fsys.fdatasync(fd);
    this.size += bytes.length;
  }

  /** A failed write may have left part of a batch behind: cut the segment back so no half record stays. */
  private async undoPartialWrite(): Promise<void> {
    if (this.fd === null) return;
    const fd = this.fd;
    try {
      await this.options.fsys.ftruncate(fd, this.size);
    } catch {
      // Could not cut it back: start a new segment; the reader skips the damaged line by its checksum.
      await this.options.fsys.close(fd).catch(() => undefined);
      this.fd = null;
    }
  }

  private async ensureSegment(firstSeq: number): Promise<void> {
    if (this.fd !== null && this.size < SEGMENT_BYTES) return;
    if (this.fd !== null) await this.options.fsys.close(this.fd);
    this.fd = null;
    const file = path.join(this.options.dir, segmentName(firstSeq));
    this.fd = await this.options.fsys.open(file, 'a');
    this.size = (await this.options.fsys.stat(file)).size;
    await syncDirectory(this.options.fsys, this.options.dir);
  }
}
