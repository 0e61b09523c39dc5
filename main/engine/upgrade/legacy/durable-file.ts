// A lowdb adapter that survives power loss and crashes: write a temp file, fsync it, keep the previous generation,
// rename into place, fsync the directory. lowdb's stock JSONFile adapter does none of the syncing.
import path from 'node:path';
import type { Adapter } from 'lowdb';
import type { FileSystem } from '../../file-system.js';
import { replaceDurably } from '../../store/generations.js';
import { decodeStoreBytes, storeTextParts } from './codec.js';
import type { StoreData } from './state.js';

const WRITE_CHUNK = 1024 * 1024;

export interface LoadReport {
  /** which file the data came from */
  source: 'current' | 'previous' | 'none';
  /** files found unreadable and moved aside */
  movedAside: string[];
}

export class DurableStoreFile implements Adapter<StoreData> {
  readonly file: string;
  readonly previous: string;
  private readonly temp: string;
  lastLoad: LoadReport = { source: 'none', movedAside: [] };

  constructor(
    private readonly fsys: FileSystem,
    private readonly dir: string,
    private readonly clock: () => number,
  ) {
    this.file = path.join(dir, 'store.json');
    this.previous = path.join(dir, 'store.prev.json');
    this.temp = path.join(dir, 'store.json.tmp');
  }

  /** The current file, else the previous generation, else null (rebuild from the journal). Bad files move aside. */
  async read(): Promise<StoreData | null> {
    this.lastLoad = { source: 'none', movedAside: [] };
    await this.fsys.unlink(this.temp).catch(() => undefined); // a stale temp file is an unfinished write
    for (const [file, source] of [
      [this.file, 'current'],
      [this.previous, 'previous'],
    ] as const) {
      const data = await this.load(file);
      if (data) {
        this.lastLoad.source = source;
        return data;
      }
    }
    return null;
  }

  async write(data: StoreData): Promise<void> {
    const paths = { dir: this.dir, file: this.file, previous: this.previous, temp: this.temp };
    await replaceDurably(this.fsys, paths, (fd) => this.writeInPieces(fd, data));
  }

  /** Encodes and writes ~1 MB at a time, yielding to the event loop between pieces. */
  private async writeInPieces(fd: number, data: StoreData): Promise<void> {
    let pending: string[] = [];
    let size = 0;
    const flush = async () => {
      await this.fsys.write(fd, Buffer.from(pending.join(''), 'utf8'));
      pending = [];
      size = 0;
    };
    for (const part of storeTextParts(data)) {
      pending.push(part);
      size += part.length;
      if (size >= WRITE_CHUNK) await flush();
    }
    await flush();
  }

  private async load(file: string, moveAsideIfBad = true): Promise<StoreData | null> {
    let bytes: Buffer;
    try {
      bytes = await this.fsys.readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const data = decodeStoreBytes(bytes);
    if (data) return data;
    if (moveAsideIfBad) {
      const aside = `${file}.corrupt-${this.clock()}`;
      await this.fsys.rename(file, aside);
      this.lastLoad.movedAside.push(path.basename(aside));
    }
    return null;
  }
}
