// Damage after pruning: the newest backup plus the journal rebuilds everything ever acknowledged, even once the
// journal's old segments are gone; and where a backup is lost too, the notice names exactly what was lost, nothing
// the journal still had is lost, and what still reads in the damaged file is salvaged.
//
// The folder: 1,000 products over four days, one journal segment a day (each start opens one), a watch and a
// settings change on day one; on day four a backup, then 25 more postbacks, and the first three segments aged past
// retention and pruned. Then store.db is damaged in each way the damaged-start suite knows.
// (P2: the store always opens or recovers.)
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whenText } from '../../main/engine/backup/recovery-notices.js';
import type { FeedEntry } from '../../shared/contract/feed.js';
import type { ProductDetail } from '../../shared/contract/product.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { until } from '../helpers/until.js';
import { allFeed, settled, startEngine, type TestEngine } from './helpers/engine-harness.js';
import { itemJson, post } from './helpers/postbacks.js';
import { STORE_DB_DAMAGE } from './helpers/store-damage.js';

const DAY = 86_400_000;
const START = Date.parse('2024-12-01T10:00:00Z');
const PER_DAY = 250;
/** Day four, after the backup: old products changed again, and new ones. */
const TAIL_CHANGED = Array.from({ length: 20 }, (_, i) => `d0-${i}`);
const TAIL_NEW = Array.from({ length: 5 }, (_, i) => `tail-${i}`);
const key = (item: string) => `77:${item}`;

let now = START;
const clock = () => now;
const seeded = makeTempDir('shelfwatch-pruned-');
let truth: { products: Map<string, ProductDetail>; feed: FeedEntry[] };
/** The first journal record left after pruning: the records before it only the backup had. */
let kept = 0;

async function inBatches(items: string[], send: (item: string) => Promise<number[]>): Promise<void> {
  for (let start = 0; start < items.length; start += 25) {
    const answers = await Promise.all(items.slice(start, start + 25).map(send));
    expect(answers.flat().every((status) => status === 200)).toBe(true);
  }
}

async function everything(test: TestEngine): Promise<typeof truth> {
  const feed = await allFeed(test.engine);
  const products = new Map<string, ProductDetail>();
  for (const item of new Set(feed.map((entry) => entry.key))) {
    products.set(item, await test.engine.api.product({ key: item }));
  }
  return { products, feed };
}

async function productOrNull(test: TestEngine, item: string): Promise<ProductDetail | null> {
  return test.engine.api.product({ key: item }).catch(() => null);
}

async function seed(dir: string): Promise<void> {
  for (let day = 0; day < 4; day++) {
    now = START + day * DAY;
    const test = await startEngine(dir, { clock });
    const items = Array.from({ length: PER_DAY }, (_, i) => `d${day}-${i}`);
    if (day === 0) {
      await test.engine.api.createWatch({
        target: { catalogId: '77', catalogItemId: 'd0-0' },
        rules: [{ kind: 'price-below', value: 9.5 }],
      });
      await test.engine.api.updateSettings({ retention: { historyPerProduct: 150 } });
    }
    await inBatches(items, (item) => post(test, itemJson(item, { price: '10.00' })));
    await settled(test.engine, dir);
    await inBatches(items, (item) => post(test, itemJson(item, { price: '9.00' })));
    await settled(test.engine, dir);
    if (day === 3) {
      await test.engine.api.backUpNow(undefined);
      const journal = path.join(dir, 'journal');
      const segments = fs.readdirSync(journal).filter((name) => name.endsWith('.jsonl'));
      expect(segments).toHaveLength(4);
      const aged = new Date(now - 10 * DAY);
      for (const name of segments.slice(0, 3)) fs.utimesSync(path.join(journal, name), aged, aged);
      await inBatches(TAIL_CHANGED, (item) => post(test, itemJson(item, { price: '8.00' })));
      await inBatches(TAIL_NEW, (item) => post(test, itemJson(item, { price: '5.00' })));
      await settled(test.engine, dir);
      // The checkpoint after these prunes the three old segments: the backup covers them.
      await until(
        'the old segments pruned',
        () => fs.readdirSync(journal).filter((n) => n.endsWith('.jsonl')).length === 1,
      );
      truth = await everything(test);
      kept = Number(
        fs
          .readdirSync(journal)
          .find((name) => name.endsWith('.jsonl'))
          ?.slice(0, 12),
      );
    }
    await test.close();
  }
}

beforeAll(async () => {
  await seed(seeded.dir);
  expect(truth.products.size).toBe(4 * PER_DAY + TAIL_NEW.length);
}, 120_000);
afterAll(() => seeded.remove());

/** A copy of the seeded folder, damaged, and an engine started on it. */
async function startDamaged(damage: (dir: string) => void, { backups }: { backups: boolean }) {
  const temp = makeTempDir('shelfwatch-pruned-case-');
  fs.cpSync(seeded.dir, temp.dir, { recursive: true });
  if (!backups) fs.rmSync(path.join(temp.dir, 'backups'), { recursive: true });
  damage(temp.dir);
  now = START + 4 * DAY;
  const test = await startEngine(temp.dir, { clock });
  const notices = (await test.engine.api.status(undefined)).notices.map((notice) => notice.message).join('\n');
  return {
    test,
    notices,
    async close() {
      await test.close();
      temp.remove();
    },
  };
}

const FIRST_DAYS = 3 * PER_DAY;
const backupTime = whenText(START + 3 * DAY, START + 4 * DAY);

describe('damage after pruning, with the backup', () => {
  for (const row of STORE_DB_DAMAGE) {
    it(`${row.name}: all 1,005 products, their history and the feed are back`, async () => {
      const run = await startDamaged(row.damage, { backups: true });
      try {
        const recovered = await everything(run.test);
        expect(recovered.feed).toEqual(truth.feed);
        expect(recovered.products.size).toBe(truth.products.size);
        for (const [item, detail] of truth.products) expect(recovered.products.get(item)).toEqual(detail);
        expect(await run.test.engine.api.listWatches(undefined)).toHaveLength(1);
        if (row.harmless) expect(run.notices).toBe('');
        else {
          expect(run.notices).toMatch(
            new RegExp(
              `The product database .* was restored from the backup of ${backupTime} and the journal since: nothing lost\\.`,
            ),
          );
        }
      } finally {
        await run.close();
      }
    });
  }
});

describe('damage after pruning, the backups deleted too', () => {
  const lost = () =>
    `What arrived from ${whenText(START, START + 4 * DAY)} to ${whenText(START + 2 * DAY, START + 4 * DAY)} (journal records 1–${(kept - 1).toLocaleString('en-US')}) had been pruned from the journal after a backup, and that backup is gone too`;

  for (const row of STORE_DB_DAMAGE) {
    it(`${row.name}: names what was lost, keeps what the journal had, salvages what still reads`, async () => {
      const run = await startDamaged(row.damage, { backups: false });
      try {
        // Nothing the journal still had is lost: day four's products and the tail, whole.
        for (const item of [...Array.from({ length: PER_DAY }, (_, i) => `d3-${i}`), ...TAIL_NEW]) {
          expect(await productOrNull(run.test, key(item))).toEqual(truth.products.get(key(item)));
        }
        // Every product of the first three days is back (salvaged), or it is missing — or, changed again after
        // the backup, back from the journal without its earlier history.
        const fileReads = row.harmless || row.name.includes('while running');
        const whole = new Set<string>();
        for (let day = 0; day < 3; day++) {
          for (let i = 0; i < PER_DAY; i++) {
            const item = key(`d${day}-${i}`);
            const expected = truth.products.get(item) as ProductDetail;
            const found = await productOrNull(run.test, item);
            if (found?.product.firstSeenAt === expected.product.firstSeenAt) {
              // Salvaged: as it was, with the history points that still read (all, where the file reads).
              expect(found.product).toEqual(expected.product);
              for (const point of found.history) expect(expected.history).toContainEqual(point);
              if (fileReads) expect(found.history).toEqual(expected.history);
              whole.add(item);
            } else if (found) {
              expect(TAIL_CHANGED).toContain(`d${day}-${i}`);
              expect({ ...found.product, firstSeenAt: '' }).toEqual({ ...expected.product, firstSeenAt: '' });
            }
          }
        }
        // The feed: every entry the journal's records made is there; those of whole products, and every salvaged
        // one, exactly as they were; none that was not.
        const feed = new Map((await allFeed(run.test.engine)).map((entry) => [entry.id, entry]));
        const truthIds = new Set(truth.feed.map((entry) => entry.id));
        for (const id of feed.keys()) expect(truthIds).toContain(id);
        for (const entry of truth.feed) {
          const found = feed.get(entry.id);
          if (entry.seq >= kept) expect(found?.key).toBe(entry.key);
          if (found && (entry.seq < kept || whole.has(entry.key) || !entry.key.match(/:d[012]-/))) {
            expect(found).toEqual(entry);
          }
        }

        if (row.harmless) {
          expect(run.notices).toBe('');
          expect(whole.size).toBe(FIRST_DAYS);
          return;
        }
        expect(run.notices).toContain(lost());
        const missing = FIRST_DAYS - whole.size;
        if (missing === 0) expect(run.notices).toMatch(/All 750 products Shelfwatch had seen by then are back/);
        else
          expect(run.notices).toContain(
            `Of the 750 products Shelfwatch had seen by then, ${missing} could not be recovered`,
          );
        expect(run.notices).toContain(`Everything after ${whenText(START + 2 * DAY, START + 4 * DAY)} is back.`);
        if (fileReads) expect(whole.size).toBe(FIRST_DAYS);
        if (/empty|NUL|JSON|another program/.test(row.name)) expect(whole.size).toBe(0); // nothing to salvage
        if (row.name.includes('truncated')) expect(whole.size).toBeGreaterThan(0); // its first half reads
      } finally {
        await run.close();
      }
    });
  }
});

describe('documents damaged after pruning', () => {
  const damageBoth = (dir: string) => {
    for (const name of ['documents.json', 'documents.prev.json']) fs.writeFileSync(path.join(dir, name), '{"vers');
  };

  it('are restored from the backup and the journal since: the watch and the settings of day one are back', async () => {
    const run = await startDamaged(damageBoth, { backups: true });
    try {
      const watches = await run.test.engine.api.listWatches(undefined);
      expect(watches.map((watch) => watch.target)).toEqual([{ catalogId: '77', catalogItemId: 'd0-0' }]);
      expect((await run.test.engine.api.getSettings(undefined)).retention.historyPerProduct).toBe(150);
      expect(run.notices).toMatch(
        new RegExp(
          `Your settings and watches could not be read \\(documents\\.json\\.corrupt-\\d+, documents\\.prev\\.json\\.corrupt-\\d+ moved aside\\) and were restored from the backup of ${backupTime} and the journal since: nothing lost\\.`,
        ),
      );
    } finally {
      await run.close();
    }
  });

  it('without the backup, the notice says which changes could not be recovered', async () => {
    const run = await startDamaged(damageBoth, { backups: false });
    try {
      expect(await run.test.engine.api.listWatches(undefined)).toEqual([]);
      const before = whenText(START + 2 * DAY, START + 4 * DAY);
      expect(run.notices).toContain(
        `and were rebuilt from the journal, but changes made before ${before} could not be recovered (journal records 1–${(kept - 1).toLocaleString('en-US')}): check Settings and the watchlist.`,
      );
    } finally {
      await run.close();
    }
  });
});
