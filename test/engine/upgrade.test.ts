// Upgrading a data folder written by the previous version (one lowdb file, store.json) in place: every product,
// history point, feed entry (with its read state), watch, setting and the quarantine arrive in the new store, the
// journal's newer records are applied after it, the old file is kept as a backup, and a restart finds it all again.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../main/engine/index.js';
import type { Engine } from '../../main/engine/types.js';
import type { FeedEntry } from '../../shared/contract/feed.js';
import { legacyStore, writeLegacyFolder } from '../helpers/legacy-store.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const PRODUCTS = 100_000;

async function upgraded(engine: Engine): Promise<void> {
  for (let i = 0; i < 6000; i++) {
    const status = await engine.api.status(undefined);
    if (!status.upgrade && status.journal.appliedSeq > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the upgrade did not finish');
}

async function wholeFeed(engine: Engine): Promise<FeedEntry[]> {
  const entries: FeedEntry[] = [];
  for (let before: string | undefined; ; ) {
    const page = await engine.api.feed({ limit: 200, before });
    entries.push(...page.items);
    if (!page.next) return entries.reverse();
    before = page.next;
  }
}

describe(`upgrading a ${PRODUCTS.toLocaleString('en-US')}-product folder of the previous version`, () => {
  const temp = makeTempDir('shelfwatch-upgrade-');
  const legacy = legacyStore(PRODUCTS);
  let engine: Engine;

  beforeAll(async () => {
    await writeLegacyFolder(temp.dir, legacy);
    engine = await openEngine({ dataDir: temp.dir, receiverPort: 0 });
    await upgraded(engine);
  }, 120_000);
  afterAll(async () => {
    await engine?.close();
    temp.remove();
  });

  it('keeps every product and every history point, then applies the journal’s newer postback', async () => {
    for (const expected of Object.values(legacy.products)) {
      const { product, history } = await engine.api.product({ key: expected.key });
      if (expected.key === '24001:SKU-1') {
        expect(product.currentPrice).toBe(12);
        expect(history.slice(0, -1)).toEqual(legacy.history[expected.key]);
        continue;
      }
      expect(product).toEqual(expected);
      expect(history).toEqual(legacy.history[expected.key]);
    }
  }, 120_000);

  it('keeps every feed entry with its changes, alerts and read state', async () => {
    const feed = await wholeFeed(engine);
    expect(feed).toHaveLength(legacy.feed.length + 1);
    for (let index = 0; index < legacy.feed.length; index++) {
      const { isNew: _new, source: _source, ...expected } = legacy.feed.entry(index);
      const { product: _product, isNew, source, ...entry } = feed[index] as FeedEntry;
      expect(entry).toEqual(expected);
      expect(isNew).toBe(expected.operation === 'Insert');
      expect(source).toBe('postback');
    }
    expect(feed.at(-1)?.changes).toEqual([{ field: 'currentPrice', from: 51, to: 12 }]);
    const unread = legacy.feed.countUnread() + 1;
    expect((await engine.api.status(undefined)).unread).toBe(unread);
  }, 120_000);

  it('keeps the watches, settings, quarantine and counters, and says what it did', async () => {
    expect(await engine.api.listWatches(undefined)).toEqual(legacy.watches);
    expect(await engine.api.getSettings(undefined)).toEqual(legacy.settings);
    expect(await engine.api.quarantine(undefined)).toEqual(legacy.quarantine);
    const status = await engine.api.status(undefined);
    expect(status.receiver).toMatchObject({ duplicates: 4, quarantined: 1, received: legacy.stats.received + 1 });
    expect(status.notices.map((notice) => notice.message).join(' ')).toMatch(
      /upgraded to the new store \(100,000 products\).*store\.v1\.json\.bak/,
    );
    expect(fs.existsSync(path.join(temp.dir, 'store.json'))).toBe(false);
    expect(fs.existsSync(path.join(temp.dir, 'store.v1.json.bak'))).toBe(true);
  });

  it('finds it all again after a restart, without upgrading twice', async () => {
    const before = await wholeFeed(engine);
    await engine.close();
    engine = await openEngine({ dataDir: temp.dir, receiverPort: 0 });
    const status = await engine.api.status(undefined);
    expect(status.upgrade ?? null).toBeNull();
    expect(status.notices).toEqual([]);
    expect(await wholeFeed(engine)).toEqual(before);
  }, 120_000);
});

describe('an upgrade cut off midway', () => {
  it('starts over from the old file at the next start', async () => {
    const temp = makeTempDir('shelfwatch-upgrade-cut-');
    const legacy = legacyStore(300);
    await writeLegacyFolder(temp.dir, legacy);
    let engine = await openEngine({ dataDir: temp.dir, receiverPort: 0 });
    await engine.close(); // waits for the upgrade; then pretend it never finished:
    fs.renameSync(path.join(temp.dir, 'store.v1.json.bak'), path.join(temp.dir, 'store.json'));
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path.join(temp.dir, 'store.db'));
    db.prepare("INSERT INTO meta (name, value) VALUES ('upgrading', 'true')").run();
    db.prepare('DELETE FROM feed WHERE pos > 100 * 4096').run();
    db.close();
    fs.rmSync(path.join(temp.dir, 'documents.json'));
    fs.rmSync(path.join(temp.dir, 'documents.prev.json'), { force: true });
    try {
      engine = await openEngine({ dataDir: temp.dir, receiverPort: 0 });
      await upgraded(engine);
      expect((await wholeFeed(engine)).length).toBe(legacy.feed.length + 1);
      expect(await engine.api.listWatches(undefined)).toEqual(legacy.watches);
    } finally {
      await engine.close();
      temp.remove();
    }
  }, 60_000);
});
