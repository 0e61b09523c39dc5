// A transaction that fails part-way leaves nothing behind: not in the database, and not in the counts and lists the
// store keeps in memory beside it (feed totals, unread count, watched products, channels, whether pages keep keys).
import { describe, expect, it } from 'vitest';
import { applyRecords } from '../../main/engine/apply/index.js';
import type { JournalRecord } from '../../main/engine/journal/record.js';
import { Store } from '../../main/engine/store/store.js';
import { applyHarness, HARNESS_START_MS, postbackRecord } from '../helpers/apply-harness.js';
import { channel } from './channels/outbox-fixtures.js';

const at = new Date(HARNESS_START_MS).toISOString();

function brandWatched() {
  const h = applyHarness();
  h.command({
    kind: 'createWatch',
    watch: {
      id: 'w-brand',
      target: { campaignId: '77' },
      rules: [{ kind: 'price-change' }],
      muted: false,
      createdAt: at,
    },
  });
  h.postback({ CatalogId: '1', CampaignId: '77', CatalogItemId: 'A', Name: 'Lamp', CurrentPrice: '10' });
  h.postback({ CatalogId: '1', CampaignId: '77', CatalogItemId: 'A', Name: 'Lamp', CurrentPrice: '9' }); // an alert
  return h;
}

/** What a user is shown, read from the store's in-memory copies. */
function shown(store: Store) {
  return {
    appliedSeq: store.appliedSeq,
    received: store.stats.received,
    entries: store.feed.entries,
    alerts: store.feed.alerts,
    unread: store.readState.unread('local'),
    watched: [...store.watchedProductIds()].sort(),
    channels: store.channels.list().map((c) => c.id),
    pageKeys: store.pageIndex.keys.enabled,
  };
}

/** The same, read afresh from the database file by a second store. */
function onDisk(store: Store) {
  const fresh = new Store(store.db, { data: store.docs } as ConstructorParameters<typeof Store>[1]);
  fresh.feed.recount();
  return shown(fresh);
}

/** A postback nothing can read goes to the quarantine, which this makes fail (as a full disk would). */
function failQuarantine(store: Store): JournalRecord {
  store.db.exec("CREATE TRIGGER full BEFORE INSERT ON quarantine BEGIN SELECT RAISE(ABORT, 'disk is full'); END");
  return postbackRecord(store.appliedSeq + 10, HARNESS_START_MS, { nothing: 'readable' });
}

describe('a transaction that fails part-way', () => {
  it('leaves every count and list as the database has it', () => {
    const h = brandWatched();
    const before = shown(h.store);
    expect(before).toMatchObject({ entries: 2, alerts: 1, unread: 2, received: 2 });
    expect(before.watched).toHaveLength(1);
    const seq = h.store.appliedSeq;
    const command = (n: number, c: Extract<JournalRecord, { type: 'command' }>['command']): JournalRecord => ({
      seq: seq + n,
      at: HARNESS_START_MS,
      type: 'command',
      command: c,
    });
    const failing = failQuarantine(h.store);
    const records: JournalRecord[] = [
      postbackRecord(seq + 1, HARNESS_START_MS, {
        CatalogId: '1',
        CampaignId: '77',
        CatalogItemId: 'A',
        CurrentPrice: '8',
      }),
      postbackRecord(seq + 2, HARNESS_START_MS, { CatalogId: '2', CampaignId: '77', CatalogItemId: 'B', Name: 'New' }),
      command(3, { kind: 'createChannel', channel: channel('c1') }),
      command(4, { kind: 'addSite', site: { id: 's1', url: 'https://blog.test/', kind: 'page', addedAt: at } }),
      failing,
    ];
    expect(() => applyRecords(h.store, records)).toThrow(/disk is full/);
    expect(shown(h.store)).toEqual(before);
    expect(onDisk(h.store)).toEqual(before);
  });

  it('counts right again once the same records apply', () => {
    const h = brandWatched();
    const seq = h.store.appliedSeq;
    const newProduct = postbackRecord(seq + 1, HARNESS_START_MS, {
      CatalogId: '2',
      CampaignId: '77',
      CatalogItemId: 'B',
    });
    expect(() => applyRecords(h.store, [newProduct, failQuarantine(h.store)])).toThrow(/disk is full/);
    h.store.db.exec('DROP TRIGGER full');
    applyRecords(h.store, [newProduct]);
    expect(shown(h.store)).toEqual(onDisk(h.store));
    expect(shown(h.store)).toMatchObject({ entries: 3, unread: 3, received: 3 });
    expect(h.store.watchedProductIds().size).toBe(2);
  });
});

describe('the watched view', () => {
  it('shows a product from the postback that first tells its brand (program id), not only from its first sighting', () => {
    const h = brandWatched();
    h.postback({ CatalogId: '3', CatalogItemId: 'C', Name: 'Chair', CurrentPrice: '20' }); // no program id yet
    expect(h.feed({ filter: 'watched' }).items.map((entry) => entry.key)).toEqual(['1:A', '1:A']);
    // The program id is filled in quietly (no feed entry of its own); the next change is the brand's.
    h.postback({ CatalogId: '3', CampaignId: '77', CatalogItemId: 'C', Name: 'Chair', CurrentPrice: '20' });
    const change = h.postback({
      CatalogId: '3',
      CampaignId: '77',
      CatalogItemId: 'C',
      Name: 'Chair',
      CurrentPrice: '18',
    });
    expect(change.entries[0]?.alerts).not.toEqual([]);
    expect(h.feed({ filter: 'watched' }).items.map((entry) => entry.key)).toContain('3:C');
  });
});
