// The page index's place in store.db and in Shelfwatch's name: a database of version 2 (before channels and pages)
// is brought to today's version with its data and the pages' tables; the reader names itself with package.json's version.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PAGE_READER_USER_AGENT, SHELFWATCH_VERSION } from '../../../main/engine/app-version.js';
import { openDatabase } from '../../../main/engine/store/db/open.js';
import { SCHEMA_VERSION } from '../../../main/engine/store/db/schema.js';
import { applyHarness } from '../../helpers/apply-harness.js';
import { asVersion2 } from '../../helpers/older-schema.js';

describe('the page index in store.db', () => {
  it('comes to a version 2 database when it opens, keeping what it held', () => {
    const h = applyHarness();
    h.postback({ CatalogId: '1', CatalogItemId: 'A', Name: 'Lamp' });
    asVersion2(h.store.db);
    h.store.db.close();

    const { db, movedAside } = openDatabase(h.dir, Date.now);
    try {
      expect(movedAside).toEqual([]);
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.prepare('SELECT item_id FROM products').pluck().all()).toEqual(['A']);
      expect(db.prepare('SELECT count(*) FROM links').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM sites').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('names the reader with the version package.json has', () => {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(SHELFWATCH_VERSION).toBe(pkg.version);
    expect(PAGE_READER_USER_AGENT).toBe(`Shelfwatch/${pkg.version}`);
  });
});
