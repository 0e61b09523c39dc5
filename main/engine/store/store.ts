// The engine's materialized view of the journal: bulk data in SQLite (store.db), the user's documents in lowdb
// (documents.json). Each keeps the journal sequence number it reflects; the database writes its number in the same
// transaction as the rows it covers, so a crash never leaves it half-applied.
import type { Low } from 'lowdb';
import type { ProductState } from '../../../shared/contract/product.js';
import type { Settings } from '../../../shared/contract/settings.js';
import type { Watch } from '../../../shared/contract/watch.js';
import { PageIndex } from '../pages/store/page-index.js';
import { ChannelTable } from './db/channels.js';
import { FeedTable } from './db/feed.js';
import { FeedScanner } from './db/feed-query.js';
import { emptyStats, Meta, type ReceiverStats } from './db/meta.js';
import type { Db } from './db/open.js';
import { OutboxTable } from './db/outbox.js';
import { ProductTable } from './db/products.js';
import { QuarantineTable } from './db/quarantine.js';
import { ReadBatches } from './db/read-batches.js';
import { ReadState } from './db/read-state.js';
import { RuleMemoryTable } from './db/rule-memory.js';
import { SearchIndex } from './db/search-index.js';
import type { Documents } from './documents.js';
import { WatchIndex } from './watch-index.js';

interface FeedCounts {
  entries: number;
  alerts: number;
}

export class Store {
  readonly products: ProductTable;
  readonly feed: FeedTable;
  readonly feedScanner: FeedScanner;
  readonly readState: ReadState;
  readonly readBatches: ReadBatches;
  readonly ruleMemory: RuleMemoryTable;
  readonly quarantine: QuarantineTable;
  readonly channels: ChannelTable;
  readonly outbox: OutboxTable;
  /** the partner's sites, their pages and links (issue 18) */
  readonly pageIndex: PageIndex;
  private readonly meta: Meta;
  /** every journal record up to here is reflected in the database */
  appliedSeq: number;
  stats: ReceiverStats;
  /** the newest feed position retention dropped: an event stream resuming from before it must start over */
  trimmedThrough: number;
  private watches: WatchIndex;
  private watchedIds: Set<number> | null = null;
  /** counts changes to the documents, so the checkpoint knows when to write them */
  documentsVersion = 0;
  /** counts database writes that no journal record makes (the page scanner's), so a checkpoint follows them too */
  outsideWrites = 0;
  /** a header value an older version journaled in clear, met while applying: to move to the secrets */
  journaledHeaderValue: { value: string; seq: number } | null = null;
  private catalogNames = new Map<string, { catalogName: string; brandName: string }>();

  constructor(
    readonly db: Db,
    private readonly low: Low<Documents>,
  ) {
    const search = new SearchIndex(db);
    this.products = new ProductTable(db, search);
    this.feed = new FeedTable(db, search);
    this.feedScanner = new FeedScanner(db);
    this.readState = new ReadState(db, () => this.feed.entries);
    this.readBatches = new ReadBatches(db, this.readState);
    this.ruleMemory = new RuleMemoryTable(db);
    this.quarantine = new QuarantineTable(db);
    this.channels = new ChannelTable(db);
    this.outbox = new OutboxTable(db);
    this.pageIndex = new PageIndex(db);
    this.meta = new Meta(db);
    // Saved with every transaction: counting 200,000 entries at start-up read the whole feed from disk.
    const counts = this.meta.get<FeedCounts | null>('feedCounts', null);
    if (counts) {
      this.feed.entries = counts.entries;
      this.feed.alerts = counts.alerts;
    } else this.feed.recount();
    this.appliedSeq = this.meta.get('appliedSeq', 0);
    this.stats = { ...emptyStats(), ...this.meta.get<Partial<ReceiverStats>>('stats', {}) };
    this.trimmedThrough = this.meta.get('trimmedThrough', 0);
    this.watches = new WatchIndex(this.docs.watches);
    this.indexCatalogs();
  }

  get docs(): Documents {
    return this.low.data;
  }

  get settings(): Settings {
    return this.low.data.settings;
  }

  /**
   * Runs database changes as one transaction that also records `appliedSeq`, the counters and the retention mark.
   * When it fails, nothing of it stays: the in-memory counters are read back from the database.
   */
  commit<T>(change: () => T): T {
    try {
      return this.db.transaction(() => {
        const result = change();
        this.meta.set('appliedSeq', this.appliedSeq);
        this.meta.set('stats', this.stats);
        this.meta.set('trimmedThrough', this.trimmedThrough);
        this.meta.set('feedCounts', { entries: this.feed.entries, alerts: this.feed.alerts } satisfies FeedCounts);
        return result;
      })();
    } catch (error) {
      this.reloadCounters();
      throw error;
    }
  }

  /** Marks (or clears) an upgrade under way, in its own transaction: see open-store.ts. */
  markUpgrading(running: boolean): void {
    this.db
      .prepare(
        running
          ? "INSERT OR REPLACE INTO meta (name, value) VALUES ('upgrading', 'true')"
          : "DELETE FROM meta WHERE name = 'upgrading'",
      )
      .run();
  }

  private reloadCounters(): void {
    this.appliedSeq = this.meta.get('appliedSeq', 0);
    this.stats = { ...emptyStats(), ...this.meta.get<Partial<ReceiverStats>>('stats', {}) };
    this.trimmedThrough = this.meta.get('trimmedThrough', 0);
    this.feed.recount();
    this.readState.forgetCounts();
    this.channels.reload();
    this.watchedIds = null;
  }

  /** The documents changed in memory: index the watches again and have them written soon. */
  documentsChanged(): void {
    this.documentsVersion++;
    this.reindexWatches();
    this.indexCatalogs();
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
    const version = this.documentsVersion;
    const saved = this.low.data.appliedSeq;
    this.low.data.appliedSeq = appliedSeq;
    // lowdb serializes synchronously before its first await, so later changes cannot slip into this write.
    const writing = this.low.write();
    this.low.data.appliedSeq = saved;
    await writing;
    this.writtenDocuments = { version, appliedSeq };
  }

  /** What the documents file on disk reflects (its version and the records it covers). */
  writtenDocuments = { version: 0, appliedSeq: 0 };

  watchesFor(product: Pick<ProductState, 'key' | 'catalogId' | 'campaignId'>): Watch[] {
    return this.watches.watchesFor(product, () => this.isLinkedFromPages(product.key));
  }

  /** Whether the partner's pages link to the product, as the journal last recorded it (see LinkedProducts). */
  isLinkedFromPages(key: string): boolean {
    return this.pageIndex.linked.has(key);
  }

  itemWatches(key: string): Watch[] {
    return this.watches.itemWatches(key);
  }

  /** The watches changed: rebuild the index (and, lazily, the set of watched products). */
  reindexWatches(): void {
    this.watches = new WatchIndex(this.docs.watches);
    this.watchedIds = null;
  }

  /** The products the pages link to changed (a linkedProducts command): the watched set follows. */
  linkedProductsChanged(): void {
    if (this.watches.onLinkedPages.length > 0) this.watchedIds = null;
  }

  /** A product was saved for the first time: if a watch covers it, the watched set must include it. */
  productAdded(product: ProductState & { id: number }): void {
    if (this.watchedIds && this.watchesFor(product).length > 0) this.watchedIds.add(product.id);
  }

  /** Ids of every product some watch covers. */
  watchedProductIds(): Set<number> {
    this.watchedIds ??= new Set(this.queryWatchedIds());
    return this.watchedIds;
  }

  private queryWatchedIds(): number[] {
    const list = (values: Iterable<string>) => JSON.stringify([...values]);
    const pages = this.watches.onLinkedPages.length > 0 ? 1 : 0;
    return this.db
      .prepare<[string, string, string, number], number>(
        `SELECT id FROM products WHERE key IN (SELECT value FROM json_each(?))
         UNION SELECT id FROM products WHERE catalog_id IN (SELECT value FROM json_each(?))
         UNION SELECT id FROM products WHERE campaign_id IN (SELECT value FROM json_each(?))
         UNION SELECT p.id FROM linked_products l JOIN products p ON p.key = l.key WHERE ?`,
      )
      .pluck()
      .all(list(this.watches.itemKeys), list(this.watches.catalogIds), list(this.watches.campaignIds), pages);
  }
}
