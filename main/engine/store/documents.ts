// The small documents the user owns — settings and watches — kept by lowdb as readable JSON (documents.json).
// They change only through commands in the journal, so replaying the journal rebuilds them too. Writes are
// crash-safe: temp file, fsync, the previous generation kept as documents.prev.json, rename, directory fsync.
import path from 'node:path';
import { type Adapter, Low } from 'lowdb';
import type { Device } from '../../../shared/contract/device.js';
import type { Catalog } from '../../../shared/contract/impact.js';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/contract/settings.js';
import type { Watch } from '../../../shared/contract/watch.js';
import type { FileSystem } from '../file-system.js';
import { replaceDurably } from './generations.js';

export interface Documents {
  version: 1;
  /** every journal record up to here is reflected in these documents */
  appliedSeq: number;
  settings: Settings;
  watches: Watch[];
  /** devices that follow this Shelfwatch (its remote listener) */
  devices: StoredDevice[];
  /** the impact.com account's catalogs: brand and catalog names for products, kept for an offline start */
  catalogs: Catalog[];
  lastCatalogSyncAt: string | null;
}

/** A device as stored: hashes only, never a code or a token. */
export interface StoredDevice extends Device {
  createdAt: string;
  codeHash: string | null;
  codeExpiresAt: string | null;
  tokenHash: string | null;
}

export const DOCUMENTS_FILE = 'documents.json';

export function emptyDocuments(): Documents {
  return {
    version: 1,
    appliedSeq: 0,
    settings: structuredClone(DEFAULT_SETTINGS),
    watches: [],
    devices: [],
    catalogs: [],
    lastCatalogSyncAt: null,
  };
}

export interface OpenedDocuments {
  low: Low<Documents>;
  /** damaged files moved aside */
  movedAside: string[];
  /** false when neither generation could be read (a new folder, or both damaged) */
  found: boolean;
}

export async function openDocuments(fsys: FileSystem, dir: string, clock: () => number): Promise<OpenedDocuments> {
  const file = new DocumentsFile(fsys, dir, clock);
  const low = new Low<Documents>(file, emptyDocuments());
  await low.read();
  return { low, movedAside: file.movedAside, found: file.found };
}

class DocumentsFile implements Adapter<Documents> {
  private readonly file: string;
  private readonly previous: string;
  private readonly temp: string;
  movedAside: string[] = [];
  found = false;

  constructor(
    private readonly fsys: FileSystem,
    private readonly dir: string,
    private readonly clock: () => number,
  ) {
    this.file = path.join(dir, DOCUMENTS_FILE);
    this.previous = path.join(dir, 'documents.prev.json');
    this.temp = path.join(dir, 'documents.json.tmp');
  }

  async read(): Promise<Documents | null> {
    await this.fsys.unlink(this.temp).catch(() => undefined); // an unfinished write
    for (const file of [this.file, this.previous]) {
      const documents = await this.load(file);
      if (documents) {
        this.found = true;
        return documents;
      }
    }
    return null;
  }

  async write(documents: Documents): Promise<void> {
    const bytes = Buffer.from(`${JSON.stringify(documents, null, 2)}\n`, 'utf8');
    const paths = { dir: this.dir, file: this.file, previous: this.previous, temp: this.temp };
    await replaceDurably(this.fsys, paths, (fd) => this.fsys.write(fd, bytes));
  }

  private async load(file: string): Promise<Documents | null> {
    let text: string;
    try {
      text = (await this.fsys.readFile(file)).toString('utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const documents = parseDocuments(text);
    if (documents) return documents;
    const aside = `${file}.corrupt-${this.clock()}`;
    await this.fsys.rename(file, aside);
    this.movedAside.push(path.basename(aside));
    return null;
  }
}

/** The documents, or null when the text is not a documents file (settings inside are repaired by the caller). */
function parseDocuments(text: string): Documents | null {
  try {
    const value = JSON.parse(text) as Partial<Documents>;
    if (value?.version !== 1 || !Number.isSafeInteger(value.appliedSeq) || !Array.isArray(value.watches)) return null;
    if (typeof value.settings !== 'object' || value.settings === null) return null;
    return {
      ...value,
      devices: Array.isArray(value.devices) ? value.devices : [],
      catalogs: Array.isArray(value.catalogs) ? value.catalogs : [],
      lastCatalogSyncAt: typeof value.lastCatalogSyncAt === 'string' ? value.lastCatalogSyncAt : null,
    } as Documents;
  } catch {
    return null;
  }
}
