// Builds a data folder holding N products, 2N feed entries and the journal that produced them, by running the
// engine's own apply over the seed records (slower than writing store.json by hand, but consistent by
// construction). Built once per bench run, then copied for each server that needs a fresh folder.
import fs from 'node:fs';
import path from 'node:path';
import { applyRecord } from '../../main/engine/apply/index.js';
import { nodeFileSystem } from '../../main/engine/file-system.js';
import { encodeRecord } from '../../main/engine/journal/codec.js';
import { segmentName } from '../../main/engine/journal/segments.js';
import { DurableStoreFile } from '../../main/engine/store/durable-file.js';
import { emptyStore } from '../../main/engine/store/state.js';
import { StoreView } from '../../main/engine/store/view.js';
import { seedRecords } from './records.js';

/** the journal writer's segment size: a new segment starts once the open one reaches it */
const SEGMENT_BYTES = 16 * 1024 * 1024;

export interface SeedInfo {
  dir: string;
  products: number;
  feedEntries: number;
  watches: number;
  alerts: number;
  appliedSeq: number;
  storeBytes: number;
  journalBytes: number;
  buildMs: number;
}

export async function buildSeedFolder(dir: string, products: number): Promise<SeedInfo> {
  const started = performance.now();
  const journalDir = path.join(dir, 'journal');
  fs.mkdirSync(journalDir, { recursive: true });
  const view = new StoreView(emptyStore());
  const segments = new SegmentSink(journalDir);
  for (const record of seedRecords(products)) {
    applyRecord(view, record);
    segments.append(record.seq, encodeRecord(record));
  }
  segments.close();
  const storeFile = new DurableStoreFile(nodeFileSystem, dir, Date.now);
  await storeFile.write(view.data);
  const data = view.data;
  return {
    dir,
    products: Object.keys(data.products).length,
    feedEntries: data.feed.length,
    watches: data.watches.length,
    alerts: data.feed.alertTotal,
    appliedSeq: data.appliedSeq,
    storeBytes: fs.statSync(storeFile.file).size,
    journalBytes: segments.totalBytes,
    buildMs: performance.now() - started,
  };
}

/** A fresh copy of the seed for one server run. */
export function copySeed(seedDir: string, target: string): void {
  fs.cpSync(seedDir, target, { recursive: true });
}

class SegmentSink {
  private fd: number | null = null;
  private size = 0;
  private chunks: string[] = [];
  totalBytes = 0;

  constructor(private readonly dir: string) {}

  append(seq: number, line: string): void {
    if (this.fd === null || this.size >= SEGMENT_BYTES) this.open(seq);
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
