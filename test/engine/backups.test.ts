// Backups and the journal: a segment is pruned only when every kept, verified backup covers it; a backup whose copy
// fails quick_check is never trusted (nor restored); restore falls back to an older generation; generations rotate;
// the database is backed up before a schema migration and once a day; the files are private; devices may not.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listSnapshots } from '../../main/engine/backup/manifest.js';
import { copyOnEventLoop } from '../../main/engine/backup/take-snapshot.js';
import { nodeFileSystem } from '../../main/engine/file-system.js';
import { SCHEMA_VERSION } from '../../main/engine/store/db/schema.js';
import { DurableStoreFile } from '../../main/engine/upgrade/legacy/durable-file.js';
import { ApiError } from '../../shared/contract/errors.js';
import { legacyStore } from '../helpers/legacy-store.js';
import { openTestStore } from '../helpers/store.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { until } from '../helpers/until.js';
import { productOrNull, settled, startEngine, type TestEngine } from '../reliability/helpers/engine-harness.js';
import { itemJson, post } from '../reliability/helpers/postbacks.js';
import { nulFilledStore, overwritePage } from '../reliability/helpers/store-damage.js';

const DAY = 86_400_000;
const START = Date.parse('2024-12-01T10:00:00Z');
let now = START;
const clock = () => now;
let temp = makeTempDir('shelfwatch-backups-');
beforeEach(() => {
  now = START;
});
afterEach(() => {
  temp.remove();
  temp = makeTempDir('shelfwatch-backups-');
});

const journal = () => path.join(temp.dir, 'journal');
const segments = () => fs.readdirSync(journal()).filter((name) => name.endsWith('.jsonl'));

/** One engine run a day: a new journal segment with `count` new products. */
async function day(count: number, during?: (test: TestEngine) => Promise<void>): Promise<void> {
  const test = await startEngine(temp.dir, { clock });
  try {
    const prefix = `day${(now - START) / DAY}`;
    for (let i = 0; i < count; i++) expect(await post(test, itemJson(`${prefix}-${i}`))).toEqual([200]);
    await settled(test.engine, temp.dir);
    await during?.(test);
  } finally {
    await test.close();
  }
  now += DAY;
}

/** Ages every segment but the newest past retention, then lets a checkpoint prune what it may. */
async function ageAndCheckpoint(): Promise<void> {
  const old = new Date(now - 30 * DAY);
  for (const name of segments().slice(0, -1)) fs.utimesSync(path.join(journal(), name), old, old);
  await day(1); // its checkpoint prunes
}

describe('pruning the journal', () => {
  it('keeps every segment while no backup covers it, however old', async () => {
    for (let i = 0; i < 3; i++) await day(3);
    await ageAndCheckpoint();
    expect(segments()).toHaveLength(4);
  });

  it('does not trust a backup whose copy fails its check: the database is damaged, nothing is pruned', async () => {
    for (let i = 0; i < 3; i++) await day(3);
    overwritePage(path.join(temp.dir, 'store.db'), 'feed_alerts'); // an index only alerts use: none here
    await day(1, async (test) => {
      await expect(test.engine.api.backUpNow(undefined)).rejects.toMatchObject({
        status: 503,
        message: expect.stringMatching(/^The copy failed SQLite's integrity check .*the database itself is damaged/),
      });
      const listed = await test.engine.api.listBackups(undefined);
      expect(listed.backups.map((backup) => backup.verified)).toEqual([false]);
      expect(listed.lastError).toMatch(/restart Shelfwatch to restore the newest of them/);
      expect((await test.engine.api.status(undefined)).notices.map((notice) => notice.message).join(' ')).toMatch(
        /database is damaged\. Restart/,
      );
    });
    const [failed] = listSnapshots(temp.dir);
    expect(failed?.manifest).toMatchObject({ verified: false, problem: expect.any(String) });
    await ageAndCheckpoint();
    expect(segments()).toHaveLength(5);
  });

  it('prunes exactly the segments every kept backup covers', async () => {
    await day(3);
    await day(3, async (test) => {
      await test.engine.api.backUpNow(undefined); // covers days 0 and 1
    });
    await day(3);
    await ageAndCheckpoint();
    const left = segments();
    expect(left).toHaveLength(2); // day 2 (no backup covers it) and day 3 (the newest)
    const covered = listSnapshots(temp.dir)[0]?.manifest.database.appliedSeq ?? 0;
    expect(Number(left[0]?.slice(0, 12))).toBe(covered + 1);
    const ledger = JSON.parse(fs.readFileSync(path.join(journal(), 'pruned.json'), 'utf8'));
    expect(ledger.ranges).toEqual([
      { firstSeq: 1, lastSeq: 3, firstAt: START, lastAt: START, productsBefore: 3 },
      { firstSeq: 4, lastSeq: 6, firstAt: START + DAY, lastAt: START + DAY, productsBefore: 6 },
    ]);
  });
});

describe('restoring', () => {
  it('passes over a backup that no longer checks out for the older one, and the journal since rebuilds it all', async () => {
    await day(3, async (test) => {
      await test.engine.api.backUpNow(undefined);
    });
    await day(3, async (test) => {
      await test.engine.api.backUpNow(undefined);
    });
    await day(3);
    const [newest, older] = listSnapshots(temp.dir);
    overwritePage(path.join(newest?.dir ?? '', 'store.db'), 'products'); // bit rot since it was made
    nulFilledStore(temp.dir);
    const test = await startEngine(temp.dir, { clock });
    try {
      for (const item of ['day0-0', 'day1-2', 'day2-1'])
        expect(await productOrNull(test.engine, `77:${item}`)).not.toBeNull();
      const notices = (await test.engine.api.status(undefined)).notices.map((notice) => notice.message).join(' ');
      expect(notices).toContain(`restored from the backup of 1 Dec`);
      expect(older?.manifest.at).toBe(new Date(START).toISOString());
      expect(notices).toContain('and the journal since: nothing lost.');
    } finally {
      await test.close();
    }
  });
});

describe('generations', () => {
  it('keeps the newest three, private, each with its manifest', async () => {
    await day(2, async (test) => {
      for (let i = 0; i < 4; i++) {
        now += 60_000;
        expect(await post(test, itemJson(`more-${i}`))).toEqual([200]);
        await settled(test.engine, temp.dir);
        await test.engine.api.backUpNow(undefined);
      }
      const listed = await test.engine.api.listBackups(undefined);
      expect(listed.folder).toBe(path.join(temp.dir, 'backups'));
      expect(listed.backups.map((backup) => backup.products)).toEqual([6, 5, 4]);
      expect(listed.backups.every((backup) => backup.reason === 'manual' && backup.verified)).toBe(true);
    });
    const root = path.join(temp.dir, 'backups');
    expect(fs.statSync(root).mode & 0o777).toBe(0o700);
    for (const snapshot of listSnapshots(temp.dir)) {
      expect(fs.statSync(snapshot.dir).mode & 0o777).toBe(0o700);
      for (const name of fs.readdirSync(snapshot.dir)) {
        expect(fs.statSync(path.join(snapshot.dir, name)).mode & 0o777).toBe(0o600);
      }
      expect(snapshot.manifest).toMatchObject({
        verified: true,
        problem: null,
        database: { schemaVersion: SCHEMA_VERSION, appliedSeq: expect.any(Number), bytes: expect.any(Number) },
        documents: { appliedSeq: snapshot.manifest.database.appliedSeq },
      });
    }
  });

  it('backs the database up before bringing it to a newer schema', async () => {
    await day(2);
    const db = new Database(path.join(temp.dir, 'store.db'));
    db.pragma('user_version = 1'); // the schema before the feed-only search index
    db.close();
    await day(0);
    const [snapshot] = listSnapshots(temp.dir);
    expect(snapshot?.manifest).toMatchObject({
      reason: 'migration',
      verified: true,
      database: { schemaVersion: 1, products: 2 },
    });
  });

  it('backs the upgraded store up right after an upgrade from the previous version’s store.json', async () => {
    const legacy = legacyStore(50);
    await new DurableStoreFile(nodeFileSystem, temp.dir, Date.now).write(legacy);
    const test = await startEngine(temp.dir, { clock });
    try {
      await until('the backup after the upgrade', () => listSnapshots(temp.dir).length === 1);
      const [snapshot] = listSnapshots(temp.dir);
      expect(snapshot?.manifest).toMatchObject({
        reason: 'upgrade',
        verified: true,
        database: { products: 50, appliedSeq: legacy.appliedSeq },
      });
    } finally {
      await test.close();
    }
  });

  it('makes the daily one at a quiet moment after start, and says when the next is due', async () => {
    const test = await startEngine(temp.dir, { clock, backups: { firstDelayMs: 10 } });
    try {
      expect(await post(test, itemJson('a'))).toEqual([200]);
      // The folder appears before the next one is scheduled: wait for the engine to say both (or time out).
      const nextDay = new Date(START + DAY).toISOString();
      await until('the daily backup, the next a day later', async () => {
        const { backups, nextAt } = await test.engine.api.listBackups(undefined);
        return backups.length === 1 && nextAt === nextDay;
      });
      expect(listSnapshots(temp.dir)).toHaveLength(1);
      expect((await test.engine.api.listBackups(undefined)).backups[0]?.reason).toBe('daily');
    } finally {
      await test.close();
    }
  });

  it('says in the status why a backup could not be made, until one is made again', async () => {
    fs.writeFileSync(path.join(temp.dir, 'backups'), 'a file where the folder should be');
    const test = await startEngine(temp.dir, { clock });
    try {
      await expect(test.engine.api.backUpNow(undefined)).rejects.toMatchObject({ status: 503 });
      const said =
        /^The backup could not be made \(EEXIST: file already exists\)\. The previous backups and the journal are kept\.$/;
      await until('the notice', async () =>
        (await test.engine.api.status(undefined)).notices.some((notice) => said.test(notice.message)),
      );
      fs.rmSync(path.join(temp.dir, 'backups'));
      await test.engine.api.backUpNow(undefined);
      await until('the notice gone', async () => (await test.engine.api.status(undefined)).notices.length === 0);
    } finally {
      await test.close();
    }
  });

  it('is the hub’s own: a paired device gets 403', async () => {
    const test = await startEngine(temp.dir, { clock });
    try {
      const device = test.engine.apiFor('some-device');
      await expect(device.listBackups(undefined)).rejects.toBeInstanceOf(ApiError);
      await expect(device.backUpNow(undefined)).rejects.toMatchObject({ status: 403 });
      expect(listSnapshots(temp.dir)).toEqual([]);
    } finally {
      await test.close();
    }
  });
});

describe('copying on the event loop (where no worker can load SQLite: a packaged desktop app)', () => {
  it('makes a copy that checks out and holds at least what was committed when it began, while the engine writes', async () => {
    const { store, dir, close } = openTestStore();
    try {
      const insert = store.db.prepare(
        "INSERT INTO products (key, catalog_id, item_id, stock, removed, first_seen_at, updated_at) VALUES (?, '1', ?, 'InStock', 0, 0, 0)",
      );
      const write = (from: number, to: number) =>
        store.commit(() => {
          for (let i = from; i < to; i++) insert.run(`1:${i}`, String(i));
          store.counters.applied(to);
        });
      write(0, 20_000);
      let written = 20_000;
      const writing = setInterval(() => {
        write(written, written + 100);
        written += 100;
      }, 1);
      const target = path.join(dir, 'copy.db');
      const check = await copyOnEventLoop(store.db, target, new AbortController().signal).finally(() =>
        clearInterval(writing),
      );
      expect(check).toMatchObject({ ok: true, problem: null, schemaVersion: SCHEMA_VERSION });
      expect(check.appliedSeq).toBeGreaterThanOrEqual(20_000);
      expect(check.products).toBe(check.appliedSeq); // the copy is one moment: its rows and its seq agree
      expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    } finally {
      close();
    }
  });
});
