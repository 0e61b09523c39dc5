// Reads the partner's sites: every page of every site, one scan at a time (a request for another while one runs
// makes one more after it), daily and on demand. Progress goes to the status line ("Reading your pages: 120 of
// 800"); at the end the products the pages link to are journaled, which is what `{ linkedFromPages: true }` follows.
import { MAX_LINKED_PRODUCTS_CHANGE } from '../../../../shared/contract/journal.js';
import type { PageScanStatus } from '../../../../shared/contract/pages.js';
import type { Command } from '../../journal/record.js';
import { ScanTables } from '../../store/db/pages/scan-tables.js';
import type { StoredSite } from '../../store/db/pages/site-table.js';
import type { Store } from '../../store/store.js';
import type { Logger } from '../../types.js';
import { PageReader } from '../fetch/page-reader.js';
import type { PageScanOptions } from './scan-options.js';
import { scanPage } from './scan-page.js';
import { siteKindOf } from './site-kind.js';
import { listSite } from './site-listing.js';

export const DAY_MS = 86_400_000;
/** A scan that is due at start waits this long, so the app starts first. */
const START_DELAY_MS = 30_000;
/** Products whose matcher keys are filled per transaction when the first site is added to a full store. */
const FILL_CHUNK = 2_000;

export interface PageScannerDeps {
  store: Store;
  run(command: Command): Promise<void>;
  clock(): number;
  log: Logger;
  options: PageScanOptions;
  /** resolves when the database may be written (no checkpoint is syncing it) */
  writable(): Promise<void>;
  /** the scanner wrote to the database: a checkpoint is due some time */
  wrote(): void;
  onProgress(): void;
}

export class PageScanner {
  private running: Promise<void> | null = null;
  private again = false;
  private readonly stopping = new AbortController();
  private progress = { done: 0, total: 0, links: 0, matched: 0, errors: 0 };
  private timer: NodeJS.Timeout | null = null;
  private nextAt: number | null = null;

  constructor(private readonly deps: PageScannerDeps) {}

  status(): PageScanStatus {
    const last = this.lastFinishedAt();
    return {
      running: this.running !== null,
      ...this.progress,
      lastFinishedAt: last === null ? null : new Date(last).toISOString(),
      nextAt: this.nextAt === null ? null : new Date(this.nextAt).toISOString(),
    };
  }

  /** The daily scan: due a day after the last one finished (soon after start when that is past). */
  start(): void {
    this.schedule();
  }

  /** Starts a scan of every site now; while one runs, one more follows it. */
  scan(): PageScanStatus {
    if (this.running) this.again = true;
    else this.running = this.runScans();
    this.deps.onProgress();
    return this.status();
  }

  /** What a site the partner adds is (see siteKindOf); read with the scans' rules. */
  async kindOf(url: string): ReturnType<typeof siteKindOf> {
    const reader = new PageReader({ ...this.deps.options, signal: this.stopping.signal });
    try {
      return await siteKindOf(reader, url);
    } finally {
      reader.close();
    }
  }

  /** Resolves when no scan runs (tests, and close). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stopping.abort(new Error('Shelfwatch is closing'));
    await this.idle();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextAt = null;
    if (!this.deps.options.daily || this.stopping.signal.aborted || this.deps.store.pageIndex.sites.count() === 0)
      return;
    const now = this.deps.clock();
    const last = this.lastFinishedAt();
    this.nextAt = last === null || last + DAY_MS <= now ? now + START_DELAY_MS : last + DAY_MS;
    this.timer = setTimeout(() => this.scan(), this.nextAt - now);
    this.timer.unref();
  }

  private lastFinishedAt(): number | null {
    const times = this.deps.store.pageIndex.sites
      .list()
      .flatMap((site) => (site.lastScan ? [Date.parse(site.lastScan.at)] : []));
    return times.length === 0 ? null : Math.max(...times);
  }

  private async runScans(): Promise<void> {
    try {
      do {
        this.again = false;
        await this.scanAll();
      } while (this.again && !this.stopping.signal.aborted);
    } catch (error) {
      if (!this.stopping.signal.aborted)
        this.deps.log.error('Reading your pages failed', { error: String((error as Error).stack) });
    } finally {
      this.running = null;
      this.schedule();
      this.deps.onProgress();
    }
  }

  private async scanAll(): Promise<void> {
    const { store, options } = this.deps;
    this.progress = { done: 0, total: 0, links: 0, matched: 0, errors: 0 };
    const tables = new ScanTables(store.db.name, store.pageIndex.keys.enabled);
    const reader = new PageReader({ ...options, signal: this.stopping.signal });
    try {
      await this.fillProductKeys(tables);
      for (const site of tables.sites.stored()) {
        if (this.stopping.signal.aborted) return;
        await this.scanSite(site, reader, tables);
      }
      if (!this.stopping.signal.aborted) await this.recordLinkedProducts(tables);
    } finally {
      reader.close();
      tables.close();
    }
  }

  private async scanSite(site: StoredSite, reader: PageReader, index: ScanTables): Promise<void> {
    const { clock } = this.deps;
    const startedAt = clock();
    const listing = await listSite(site, reader, () => index.pages.pagesOf(site.id));
    let errors = listing.problem ? 1 : 0;
    if (listing.problem)
      this.deps.log.warn('Could not list the pages of a site', { site: site.url, problem: listing.problem });
    this.progress.total += listing.entries.length;
    this.progress.errors += errors;
    this.deps.onProgress();
    const pageDeps = { tables: index, reader, writable: this.deps.writable, wrote: this.wrote };
    for (const entry of listing.entries) {
      const outcome = await scanPage(pageDeps, site, entry, startedAt, clock);
      this.progress.done++;
      if (outcome.kind === 'read' || outcome.kind === 'unchanged') {
        this.progress.links += outcome.links;
        this.progress.matched += outcome.matched;
      } else if (outcome.kind === 'failed') {
        errors++;
        this.progress.errors++;
      }
      this.deps.onProgress();
    }
    // A feed lists only its newest articles: its older pages leave only when they answer 404.
    if (listing.complete && site.kind !== 'feed') {
      await this.deps.writable();
      index.pages.removeUnlisted(site.id, startedAt);
      this.wrote();
    }
    const totals = index.sites.totals(site.id);
    await this.deps.writable();
    index.sites.setLastScan(site.id, { at: new Date(clock()).toISOString(), ...totals, errors });
    this.wrote();
  }

  private readonly wrote = () => {
    this.deps.store.wroteOutsideJournal();
    this.deps.store.pageIndex.scanned();
    this.deps.wrote();
  };

  /** The products the link index links to now, journaled when they differ from what was recorded. */
  private async recordLinkedProducts(tables: ScanTables): Promise<void> {
    const { added, removed } = tables.linked.difference();
    for (let at = 0; at < Math.max(added.length, removed.length); at += MAX_LINKED_PRODUCTS_CHANGE) {
      const end = at + MAX_LINKED_PRODUCTS_CHANGE;
      await this.deps.run({ kind: 'linkedProducts', added: added.slice(at, end), removed: removed.slice(at, end) });
    }
  }

  /** From the first site on, every stored product needs its matcher keys: filled in short transactions. */
  private async fillProductKeys(tables: ScanTables): Promise<void> {
    const { keys } = tables;
    if (!keys.enabled || keys.filled) return;
    for (let after: number | null = 0; after !== null && !this.stopping.signal.aborted; ) {
      await this.deps.writable();
      after = keys.fillSome(after, FILL_CHUNK);
      this.wrote();
      await new Promise((resolve) => setImmediate(resolve)); // postbacks and the UI get their turn between chunks
    }
  }
}
