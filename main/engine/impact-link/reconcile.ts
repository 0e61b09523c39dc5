// The catch-up check: fetch the current state of watched items from impact.com's Partner API and record what it
// says through the journal, like a postback (see apply/observation.ts). Runs after downtime, every 6 hours and on
// "Check now". Items are fetched by their API Id when known (one request), and spread over hours when the hourly
// budget asks for it (the client waits; the progress says when the next batch goes).
import { IDLE_RECONCILE, type ReconcileStatus } from '../../../shared/contract/impact.js';
import type { Observation } from '../../../shared/contract/journal.js';
import { type ApiItem, ImpactApiError, type ImpactClient, maxPagesFor, PageWalk } from '../impact/index.js';
import type { Logger } from '../types.js';

export interface ReconcileTarget {
  catalogId: string;
  catalogItemId: string;
  apiId: string | null;
  /** whether the store has it as a listed (not removed) product: only then can it become "removed" */
  listed: boolean;
}

export interface ReconcileDeps {
  client: () => ImpactClient | null;
  /** every item to check now (watched items, or the ones asked for) */
  targets: (keys: string[] | undefined) => ReconcileTarget[];
  /** whole catalogs to list (watches on a catalog or a brand), how many items impact.com last said each has (null:
   * unknown), and the listed products each holds now */
  catalogs: () => WatchedCatalog[];
  record: (observation: Observation) => Promise<unknown>;
  onProgress: (status: ReconcileStatus) => void;
  clock: () => number;
  log: Logger;
}

export interface WatchedCatalog {
  catalogId: string;
  numberOfItems: number | null;
  listedItems: Set<string>;
}

/** Two at a time: the client allows two requests in flight, and waits for the budget itself. */
const CONCURRENCY = 2;

export class Reconciler {
  private status: ReconcileStatus = { ...IDLE_RECONCILE };
  private running: Promise<void> | null = null;
  /** the items of the check under way: items asked for meanwhile join it (a watch just added is checked now) */
  private targets: ReconcileTarget[] = [];

  constructor(private readonly deps: ReconcileDeps) {}

  current(): ReconcileStatus {
    return { ...this.status };
  }

  setNextAt(at: string | null): void {
    this.update({ nextAt: at });
  }

  /** Starts a check (or joins the one under way); resolves with how many items it covers. */
  start(keys?: string[]): { total: number; done: Promise<void> } {
    if (this.running) {
      const known = new Set(this.targets.map((target) => `${target.catalogId}:${target.catalogItemId}`));
      const more = this.deps
        .targets(keys)
        .filter((target) => !known.has(`${target.catalogId}:${target.catalogItemId}`));
      this.targets.push(...more); // the workers read this list until its end
      if (more.length > 0) this.update({ total: this.status.total + more.length });
      return { total: this.status.total, done: this.running };
    }
    const targets = this.deps.targets(keys);
    this.targets = targets;
    const catalogs = keys ? [] : this.deps.catalogs();
    this.update({ running: true, checked: 0, changed: 0, failed: 0, total: targets.length, error: null });
    this.running = this.run(targets, catalogs).finally(() => {
      this.running = null;
      this.update({ running: false, lastFinishedAt: new Date(this.deps.clock()).toISOString() });
    });
    return { total: targets.length, done: this.running };
  }

  private async run(targets: ReconcileTarget[], catalogs: ReturnType<ReconcileDeps['catalogs']>): Promise<void> {
    const client = this.deps.client();
    if (!client) {
      this.update({ error: 'Connect an impact.com account in Settings to check items.' });
      return;
    }
    try {
      let next = 0;
      const worker = async () => {
        while (next < targets.length) await this.checkItem(client, targets[next++] as ReconcileTarget);
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      for (const catalog of catalogs) await this.checkCatalog(client, catalog);
    } catch (error) {
      const message = error instanceof ImpactApiError ? error.message : 'the check stopped unexpectedly';
      this.update({ error: message });
      this.deps.log.warn('impact.com: the catch-up check stopped', { error: message });
    }
  }

  private async checkItem(client: ImpactClient, target: ReconcileTarget): Promise<void> {
    try {
      const item = await client.getItem({ ...target });
      if (item) await this.observe(itemObservation(item));
      else if (target.listed) await this.observe(gone(target.catalogId, target.catalogItemId));
    } catch (error) {
      if (isFatal(error)) throw error;
      this.update({ failed: this.status.failed + 1 });
      this.deps.log.warn('impact.com: an item could not be checked', { error: String(error) });
    }
    this.update({ checked: this.status.checked + 1 });
  }

  /**
   * A whole catalog: every item it lists now, and "removed" for each listed product it no longer has. A list whose
   * pages do not end (see PageWalk) stops the check with an error, and marks nothing removed.
   */
  private async checkCatalog(client: ImpactClient, catalog: WatchedCatalog) {
    const seen = new Set<string>();
    const walk = new PageWalk(`the items of catalog ${catalog.catalogId}`, maxPagesFor(catalog.numberOfItems));
    let cursor: string | null = null;
    do {
      if (cursor !== null) walk.next(cursor);
      const page = await client.listCatalogItems(catalog.catalogId, cursor);
      this.update({ total: this.status.total + page.items.length });
      for (const item of page.items) {
        seen.add(item.catalogItemId);
        await this.observe(itemObservation(item));
        this.update({ checked: this.status.checked + 1 });
      }
      cursor = page.next;
    } while (cursor);
    for (const itemId of catalog.listedItems)
      if (!seen.has(itemId)) await this.observe(gone(catalog.catalogId, itemId));
  }

  private async observe(observation: Observation): Promise<void> {
    await this.deps.record(observation);
  }

  /** The store says whether an observation changed anything; it counts it here. */
  countChanged(count: number): void {
    if (count > 0) this.update({ changed: this.status.changed + count });
  }

  private update(patch: Partial<ReconcileStatus>): void {
    this.status = { ...this.status, ...patch };
    // While running, "next" is when the hourly budget lets the waiting requests go ("next batch at 11:00").
    const waiting = this.status.running ? this.deps.client()?.schedule()['product-search'].nextAt : null;
    if (waiting) this.status.nextAt = waiting;
    this.deps.onProgress(this.current());
  }
}

function itemObservation(item: ApiItem): Observation {
  return { operation: 'Update', fields: item.postbackFields, apiId: item.apiId };
}

function gone(catalogId: string, catalogItemId: string): Observation {
  return { operation: 'Delete', fields: { CatalogId: catalogId, CatalogItemId: catalogItemId }, apiId: null };
}

/** Credentials refused or the token's scope: nothing else will work either. */
function isFatal(error: unknown): boolean {
  return (
    error instanceof ImpactApiError &&
    (error.kind === 'unauthorized' || error.kind === 'forbidden' || error.kind === 'cancelled')
  );
}
