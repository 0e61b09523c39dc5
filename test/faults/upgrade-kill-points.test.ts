// kill -9 at every step of the upgrade from the previous version's store.json: whatever the step, the next start
// has every watch, the mapping and the settings of the old folder (and its products, feed and the journal's newer
// postback). The steps are not listed by hand: an upgrade is first run in this process with a file system that
// records each operation on the store's files, and the child is then killed before/after each one in turn, plus once
// in the middle of copying the database (no file operation of the seam happens there).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FileSystem, nodeFileSystem } from '../../main/engine/file-system.js';
import { openEngine } from '../../main/engine/index.js';
import type { Engine } from '../../main/engine/types.js';
import { catalogOf, legacyStore, writeLegacyFolder } from '../helpers/legacy-store.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { FAULT_SECRET, startKillable } from './child-harness.js';

const PRODUCTS = 3_000;
const legacy = legacyStore(PRODUCTS);
const temp = makeTempDir('shelfwatch-upgrade-kill-');
const template = path.join(temp.dir, 'template');
let cases = 0;

/** The files fault-child.ts counts as "store" for a kill point (its `@store`). */
const STORE_FILE = /(store|documents)[^/]*$/;

interface Step {
  op: string;
  nth: number;
  failed: boolean;
}

/** Runs one upgrade in this process and lists the file operations on the store's files, in order. */
async function upgradeSteps(dir: string): Promise<Step[]> {
  const steps: Step[] = [];
  const counts = new Map<string, number>();
  const paths = new Map<number, string>();
  let recording = true;
  const recorder: Record<string, unknown> = {};
  for (const [op, real] of Object.entries(nodeFileSystem) as [string, (...args: unknown[]) => Promise<unknown>][]) {
    recorder[op] = async (...args: unknown[]) => {
      const file = typeof args[0] === 'number' ? (paths.get(args[0]) ?? '') : String(args[0]);
      const counted = recording && STORE_FILE.test(file);
      const nth = counted ? (counts.get(op) ?? 0) + 1 : 0;
      if (counted) counts.set(op, nth);
      try {
        const result = await real(...args);
        if (op === 'open') paths.set(result as number, file);
        if (counted) steps.push({ op, nth, failed: false });
        return result;
      } catch (error) {
        if (counted) steps.push({ op, nth, failed: true });
        throw error;
      }
    };
  }
  const engine = await openEngine({
    dataDir: dir,
    secret: FAULT_SECRET,
    receiverPort: 0,
    checkpoint: { quietMs: 50, maxDelayMs: 150 }, // as fault-child.ts
    fileSystem: recorder as unknown as FileSystem,
  });
  await upgraded(engine);
  recording = false;
  await engine.close();
  return steps;
}

/** The kill points of a step: before it (where it changes something), after it (where it succeeded), in a write. */
function killPoints({ op, nth, failed }: Step): string[] {
  const point = (when: string) => `${op}@store#${nth}:${when}`;
  const points = ['rename', 'unlink', 'write'].includes(op) ? [point('before')] : [];
  if (op === 'write') points.push(point('half'));
  if (!failed) points.push(point('after'));
  return points;
}

async function upgraded(engine: Engine): Promise<void> {
  for (;;) {
    const status = await engine.api.status(undefined);
    if (!status.upgrade && status.journal.appliedSeq > legacy.appliedSeq) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function freshCopy(): string {
  const dir = path.join(temp.dir, `case-${++cases}`);
  fs.cpSync(template, dir, { recursive: true });
  return dir;
}

/** The next start finds the old folder's watches, mapping and settings, its products and the newer postback. */
async function expectOldFolderKept(dir: string): Promise<void> {
  const engine = await openEngine({ dataDir: dir, receiverPort: 0 });
  try {
    await upgraded(engine);
    expect(await engine.api.listWatches(undefined)).toEqual(legacy.watches);
    const settings = await engine.api.getSettings(undefined);
    expect(settings).toEqual(legacy.settings);
    expect(settings.mapping).toEqual({ preis: 'currentPrice' });
    expect((await engine.api.feed({ limit: 1 })).total).toBe(legacy.feed.length + 1);
    expect((await engine.api.product({ key: '24001:SKU-1' })).product.currentPrice).toBe(12);
    const last = legacy.products[`${catalogOf(PRODUCTS - 1)}:SKU-${PRODUCTS - 1}`];
    expect((await engine.api.product({ key: last?.key ?? '' })).product).toEqual(last);
  } finally {
    await engine.close();
  }
  expect(fs.existsSync(path.join(dir, 'store.json'))).toBe(false);
  expect(fs.existsSync(path.join(dir, 'store.v1.json.bak'))).toBe(true);
}

beforeAll(async () => {
  fs.mkdirSync(template);
  await writeLegacyFolder(template, legacy);
}, 60_000);
afterAll(() => temp.remove());

describe('kill -9 during the upgrade from store.json', () => {
  it('at every file operation of the upgrade, then restart: nothing of the old folder is lost', async () => {
    const steps = await upgradeSteps(freshCopy());
    const points = steps.flatMap(killPoints);
    // The steps that matter are there: the documents written, the old file retired.
    expect(steps.filter((step) => step.op === 'rename' && !step.failed).length).toBeGreaterThanOrEqual(2);
    const unreached: string[] = [];
    for (const point of points) {
      const dir = freshCopy();
      if (!(await startKillable(dir, point, 60_000).killed)) unreached.push(point);
      await expectOldFolderKept(dir);
    }
    expect(unreached).toEqual([]);
  }, 1_200_000);

  it('in the middle of copying the database, then restart: nothing of the old folder is lost', async () => {
    const dir = freshCopy();
    const log = path.join(dir, 'store.db-wal');
    const child = startKillable(dir, '', 60_000);
    // No kill point of its own there: the child is killed from here once the new database's log has grown.
    const watcher = setInterval(() => {
      if (fs.existsSync(log) && fs.statSync(log).size > 256 * 1024) child.kill();
    }, 2);
    expect(await child.killed.finally(() => clearInterval(watcher))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'store.json'))).toBe(true);
    await expectOldFolderKept(dir);
  }, 120_000);
});
