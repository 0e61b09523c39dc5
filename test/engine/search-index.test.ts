// The feed search's index holds the words of exactly the products the feed mentions: a product joins it with its
// first entry and leaves it with its last, a rename replaces its words, and a database from before (every product
// indexed) is brought to that on open.
import { describe, expect, it } from 'vitest';
import { trimFeed } from '../../main/engine/apply/product.js';
import { openDatabase } from '../../main/engine/store/db/open.js';
import { SCHEMA_VERSION } from '../../main/engine/store/db/schema.js';
import { queryFeed } from '../../main/engine/store/feed-page.js';
import type { Store } from '../../main/engine/store/store.js';
import { applyHarness as harness } from '../helpers/apply-harness.js';
import { asVersion4 } from '../helpers/older-schema.js';

const indexed = (store: Store) =>
  store.db.prepare<[], number>('SELECT rowid FROM product_search ORDER BY rowid').pluck().all();
const inFeed = (store: Store) =>
  store.db
    .prepare<[], number>('SELECT id FROM products WHERE feed_entries > 0 AND NOT ghost ORDER BY id')
    .pluck()
    .all();
const search = (store: Store, q: string) =>
  queryFeed(store, { limit: 50, q }, 'local').items.map((entry) => entry.product.catalogItemId);

describe('the feed search index', () => {
  it('holds the products the feed mentions, and loses one with its last entry', () => {
    const h = harness();
    for (let i = 0; i < 8; i++) h.postback({ CatalogId: '1', CatalogItemId: `K-${i}`, Name: `Kettle model ${i}` });
    h.postback({ CatalogId: '1', CatalogItemId: 'K-0', Name: 'Kettle model 0', CurrentPrice: '9' });
    expect(indexed(h.store)).toHaveLength(8);

    trimFeed(h.store, 5); // drops the 4 oldest: K-0's first entry, K-1, K-2, K-3 (K-0's price change keeps it)
    expect(indexed(h.store)).toEqual(inFeed(h.store));
    expect(indexed(h.store)).toHaveLength(5);
    expect(search(h.store, 'kettle model').sort()).toEqual(['K-0', 'K-4', 'K-5', 'K-6', 'K-7']);
    expect(search(h.store, 'k-3')).toEqual([]);

    // the product comes back to the feed with its next change
    h.postback({ CatalogId: '1', CatalogItemId: 'K-3', Name: 'Kettle model 3', CurrentPrice: '12' });
    expect(indexed(h.store)).toEqual(inFeed(h.store));
    expect(search(h.store, 'k-3')).toEqual(['K-3']);
  });

  it('finds a product in the feed by its new name after a rename, and an item first seen removed by its name', () => {
    const h = harness();
    h.postback({ CatalogId: '1', CatalogItemId: 'L-1', Name: 'Old lamp' });
    h.postback({ CatalogId: '1', CatalogItemId: 'L-1', Name: 'Brass lantern' });
    expect(search(h.store, 'lantern')).toEqual(['L-1', 'L-1']);
    expect(search(h.store, 'old lamp')).toEqual([]);

    h.postback({ CatalogId: '1', CatalogItemId: 'G-2', Name: 'Gadget' });
    h.postback({ Operation: 'Delete', CatalogId: '1', CatalogItemId: 'G-1' });
    // a removal alone makes no product to search, whether the index answers or the newest entries do
    expect(search(h.store, 'g-1')).toEqual([]);
    expect(queryFeed(h.store, { limit: 1, q: 'g' }, 'local').items.map((entry) => entry.product.catalogItemId)).toEqual(
      ['G-2'],
    );
    h.postback({ CatalogId: '1', CatalogItemId: 'G-1', Name: 'Garden gnome' });
    expect(search(h.store, 'gnome')).toEqual(['G-1', 'G-1']);
    expect(indexed(h.store)).toEqual(inFeed(h.store));
  });

  it('finds a catalog id and an item id, and a short number is no catalog id', () => {
    const h = harness();
    h.postback({ CatalogId: '24836', CatalogItemId: 'TG-SB-0C', Name: 'Trail tent' });
    h.postback({ CatalogId: '24836', CatalogItemId: 'LMP-2', Name: 'Lamp' });
    h.postback({ CatalogId: '51200', CatalogItemId: '248', Name: 'Stool 2' });
    expect(search(h.store, '24836')).toEqual(['LMP-2', 'TG-SB-0C']);
    expect(search(h.store, '2483 lamp')).toEqual(['LMP-2']);
    expect(search(h.store, 'TG-SB-0C')).toEqual(['TG-SB-0C']);
    expect(search(h.store, '248')).toEqual(['248', 'LMP-2', 'TG-SB-0C']); // an item id, and a catalog id's start
    expect(search(h.store, 'stool 2')).toEqual(['248']);
    // past the newest entries a search first reads, the catalog id is still found
    for (let i = 0; i < 250; i++) h.postback({ CatalogId: '51200', CatalogItemId: `S-${i}`, Name: `Seat ${i}` });
    expect(queryFeed(h.store, { limit: 5, q: '24836' }, 'local').items).toHaveLength(2);
  });

  it('brings a database whose index held every product to the feed-only index when it opens', () => {
    const h = harness();
    for (let i = 0; i < 6; i++) h.postback({ CatalogId: '1', CatalogItemId: `T-${i}`, Name: `Tent ${i}` });
    trimFeed(h.store, 2);
    // schema version 1 indexed every product, whether the feed mentioned it or not
    asVersion4(h.store.db);
    h.store.db.exec(
      'INSERT INTO product_search (rowid, name, item_id) SELECT id, name, item_id FROM products WHERE feed_entries = 0; PRAGMA user_version = 1',
    );
    expect(indexed(h.store)).toHaveLength(6);
    h.store.db.close();

    const { db, existed, movedAside } = openDatabase(h.dir, Date.now);
    try {
      expect({ existed, movedAside }).toEqual({ existed: true, movedAside: [] });
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const ids = db.prepare<[], number>('SELECT rowid FROM product_search ORDER BY rowid').pluck().all();
      expect(ids).toEqual(
        db.prepare('SELECT id FROM products WHERE feed_entries > 0 AND NOT ghost ORDER BY id').pluck().all(),
      );
      expect(ids).toHaveLength(2);
      const found = db.prepare('SELECT rowid FROM product_search WHERE product_search MATCH \'"ten"*\'').pluck().all();
      expect(found).toEqual(ids);
    } finally {
      db.close();
    }
  });
});
