// The engine's materialized view of the journal: bulk data in SQLite (store.db), the user's documents in lowdb
// (documents.json). Each keeps the journal sequence number it reflects; the database writes its number in the same
// transaction as the rows it covers, so a crash never leaves it half-applied.
import type { Low } from 'lowdb';
import type { ProductState } from '../../../shared/contract/product.js';
import type { Settings } from '../../../shared/contract/settings.js';
import type { Watch } from '../../../shared/contract/watch.js';
import { ChannelTable } from './db/channels.js';
import { StoreCounters } from './db/counters.js';
import { FeedTable } from './db/feed.js';
import { FeedLookups } from './db/feed-lookups.js';
import { FeedScanner } from './db/feed-query.js';
import { Meta, type ReceiverStats, UPGRADE_MARK } from './db/meta.js';
import type { Db } from './db/open.js';
import { OutboxTable } from './db/outbox.js';
import { PageIndex } from './db/pages/page-index.js';
import { ProductTable } from './db/products.js';
import { QuarantineTable } from './db/quarantine.js';
import { ReadBatches } from './db/read-batches.js';
import { ReadState } from './db/read-state.js';
import { RuleMemoryTable } from './db/rule-memory.js';
import { SearchIndex } from './db/search-index.js';
import { UnitOfWork } from './db/unit-of-work.js';
import { WatchedQuery } from './db/watched-query.js';
import type { Documents } from './documents.js';
import { WatchedProducts } from './watched-products.js';

export class Store {
  readonly products: ProductTable;
  readonly feed: FeedTable;
  readonly feedScanner: FeedScanner;
  readonly feedLookups: FeedLookups;
  readonly readState: ReadState;
  readonly readBatches: ReadBatches;
  readonly ruleMemory: RuleMemoryTable;
  readonly quarantine: QuarantineTable;
  readonly channels: ChannelTable;
  readonly outbox: OutboxTable;
  /** the partner's sites, their pages and links (issue 18) */
  readonly pageIndex: PageIndex;
  /** applied sequence, receiver counts, retention mark: changed only through its named methods */
  readonly counters: StoreCounters;
  /** which watches cover which products */
  readonly watched: WatchedProducts;
  private readonly meta: Meta;
  private readonly work: UnitOfWork;
  private version = 0;
  private writesOutsideJournal = 0;
  private headerValueFound: { value: string; seq: number } | null = null;
  private written = { version: 0, appliedSeq: 0 };
  private catalogNames = new Map<string, { catalogName: string; brandName: string }>();

  constructor(
    readonly db: Db,
    private readonly low: Low<Documents>,
  ) {
    const search = new SearchIndex(db);
    this.meta = new Meta(db);
    this.products = new ProductTable(db, search);
    this.feed = new FeedTable(db, search);
    this.feedScanner = new FeedScanner(db);
    this.feedLookups = new FeedLookups(db);
    this.readState = new ReadState(db, () => this.feed.entries);
    this.readBatches = new ReadBatches(db, this.readState);
    this.ruleMemory = new RuleMemoryTable(db);
    this.quarantine = new QuarantineTable(db);
    this.channels = new ChannelTable(db);
    this.outbox = new OutboxTable(db);
    this.pageIndex = new PageIndex(db);
    this.counters = new StoreCounters(this.meta);
    this.watched = new WatchedProducts(new WatchedQuery(db), (key) => this.isLinkedFromPages(key), this.docs.watches);
    this.work = new UnitOfWork(db);
    for (const cache of [this.counters, this.feed, this.readState, this.channels, this.pageIndex, this.watched])
      this.work.enlist(cache);
    this.indexCatalogs();
  }

  get docs(): Documents {
    return this.low.data;
  }

  get settings(): Settings {
    return this.low.data.settings;
  }

  /** every journal record up to here is reflected in the database */
  get appliedSeq(): number {
    return this.counters.appliedSeq;
  }

  get stats(): Readonly<ReceiverStats> {
    return this.counters.stats;
  }

  /** the newest feed position retention dropped: an event stream resuming from before it must start over */
  get trimmedThrough(): number {
    return this.counters.trimmedThrough;
  }

  /** counts changes to the documents, so the checkpoint knows when to write them */
  get documentsVersion(): number {
    return this.version;
  }

  /** counts database writes that no journal record makes (the page scanner's), so a checkpoint follows them too */
  get outsideWrites(): number {
    return this.writesOutsideJournal;
  }

  /** What the documents file on disk reflects (its version and the records it covers). */
  get writtenDocuments(): { readonly version: number; readonly appliedSeq: number } {
    return this.written;
  }

  /**
   * Runs database changes as one transaction, which also saves the counters each cache keeps (unit-of-work.ts).
   * When it fails, nothing of it stays: each cache reads itself back from the database.
   */
  commit<T>(change: () => T): T {
    return this.work.run(change);
  }

  /** Marks (or clears) an upgrade under way, in its own transaction: see open-store.ts. */
  markUpgrading(running: boolean): void {
    if (running) this.meta.set(UPGRADE_MARK, true);
    else this.meta.delete(UPGRADE_MARK);
  }

  /** The documents changed in memory: index the watches again and have them written soon. */
  documentsChanged(): void {
    this.version++;
    this.reindexWatches();
    this.indexCatalogs();
  }

  /** Something in the documents changed that no index follows (a device's presence): have them written soon. */
  documentsTouched(): void {
    this.version++;
  }

  /** The database was written outside any journal record (the page scanner): a checkpoint must follow. */
  wroteOutsideJournal(): void {
    this.writesOutsideJournal++;
  }

  /** A header value an older version journaled in clear, met while applying: to move to the secrets. */
  foundJournaledHeaderValue(value: string, seq: number): void {
    this.headerValueFound = { value, seq };
  }

  /** The header value found while applying, if any; handed over once. */
  takeJournaledHeaderValue(): { value: string; seq: number } | null {
    const found = this.headerValueFound;
    this.headerValueFound = null;
    return found;
  }

  /** The product with its brand and catalog names, once the impact.com account's catalogs are known. */
  named<T extends ProductState>(product: T): T {
    const names = this.catalogNames.get(product.catalogId);
    return names ? { ...product, ...names } : product;
  }

  /** Brand (AdvertiserName) or catalog names that match a search: the catalogs whose products it finds too. */
  catalogsNamed(matches: (fields: string[]) => boolean): Set<string> {
    const found = new Set<string>();
    for (const [id, names] of this.catalogNames) if (matches([names.brandName, names.catalogName])) found.add(id);
    return found;
  }

  private indexCatalogs(): void {
    this.catalogNames = new Map(
      (this.docs.catalogs ?? []).map((catalog) => [
        catalog.id,
        { catalogName: catalog.name, brandName: catalog.advertiserName || catalog.campaignName },
      ]),
    );
  }

  /** Writes the documents file, recording that it reflects every record up to `appliedSeq`. */
  async writeDocuments(appliedSeq: number): Promise<void> {
    const version = this.version;
    const saved = this.low.data.appliedSeq;
    this.low.data.appliedSeq = appliedSeq;
    // lowdb serializes synchronously before its first await, so later changes cannot slip into this write.
    const writing = this.low.write();
    this.low.data.appliedSeq = saved;
    await writing;
    this.written = { version, appliedSeq };
  }

  watchesFor(product: Pick<ProductState, 'key' | 'catalogId' | 'campaignId'>): Watch[] {
    return this.watched.watchesFor(product);
  }

  /** Whether the partner's pages link to the product, as the journal last recorded it (see LinkedProducts). */
  isLinkedFromPages(key: string): boolean {
    return this.pageIndex.linked.has(key);
  }

  itemWatches(key: string): Watch[] {
    return this.watched.itemWatches(key);
  }

  /** The watches changed: rebuild the index (and, lazily, the set of watched products). */
  reindexWatches(): void {
    this.watched.watchesChanged(this.docs.watches);
  }

  /** Ids of every product some watch covers. */
  watchedProductIds(): Set<number> {
    return this.watched.productIds();
  }
}
