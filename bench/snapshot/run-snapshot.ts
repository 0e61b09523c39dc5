// What a backup costs at size: `node --import tsx bench/snapshot/run-snapshot.ts [--products 100000] [--dir D]`.
// Seeds a store with the bench's seeder (or reuses a seeded folder given with --dir), then takes a snapshot while a
// 1 ms timer probes the event loop, and restores it as a damaged start-up would. Prints the figures as JSON.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { restoreNewestSnapshot } from '../../main/engine/backup/restore.js';
import { takeSnapshot } from '../../main/engine/backup/take-snapshot.js';
import { nodeFileSystem } from '../../main/engine/file-system.js';
import { openStore } from '../../main/engine/store/open-store.js';
import { machineInfo } from '../machine.js';
import { buildSeedFolder } from '../seed/seed-folder.js';

const { values } = parseArgs({ options: { products: { type: 'string' }, dir: { type: 'string' } } });
const products = Number(values.products ?? 100_000);
const dir = values.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'shelfwatch-snapshot-bench-'));
const silent = { info() {}, warn() {}, error() {} };

if (!fs.existsSync(path.join(dir, 'store.db'))) {
  const seeded = await buildSeedFolder(dir, products, 200_000, (line) => process.stderr.write(`${line}\n`));
  process.stderr.write(`seeded ${seeded.products} products in ${Math.round(seeded.buildMs / 1000)} s\n`);
}
fs.rmSync(path.join(dir, 'backups'), { recursive: true, force: true });

const opened = await openStore({ dataDir: dir, fsys: nodeFileSystem, clock: Date.now, log: silent, notices: [] });
const { store } = opened;
/** The longest gap between two turns of a 1 ms timer while `work` runs. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let longest = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  try {
    return { result: await work(), stallMs: Math.round(longest) };
  } finally {
    clearInterval(probe);
  }
}

const snapshotting = await longestStall(() =>
  takeSnapshot(
    { db: store.db, documents: () => store.docs },
    { dataDir: dir, reason: 'manual', clock: Date.now, signal: new AbortController().signal },
  ),
);
const snapshot = snapshotting.result;
// The same probe with nothing to do, as long: what the machine's other load alone does to it.
const idle = await longestStall(() => new Promise((resolve) => setTimeout(resolve, snapshot.manifest.tookMs)));
opened.close();

const file = path.join(dir, 'store.db');
const restoreStarted = performance.now();
fs.renameSync(file, `${file}.bench-aside`);
const restored = restoreNewestSnapshot(dir, file, silent);
const restoreMs = performance.now() - restoreStarted;
fs.rmSync(file, { force: true });
fs.renameSync(`${file}.bench-aside`, file);

process.stdout.write(
  `${JSON.stringify(
    {
      products: snapshot.manifest.database.products,
      storeDbBytes: fs.statSync(file).size,
      snapshotDbBytes: snapshot.manifest.database.bytes,
      snapshotMs: snapshot.manifest.tookMs,
      verified: snapshot.manifest.verified,
      longestEventLoopStallMs: snapshotting.stallMs,
      longestStallIdleMs: idle.stallMs,
      restoreMs: Math.round(restoreMs),
      restoredFrom: restored?.manifest.id ?? null,
      machine: machineInfo(),
    },
    null,
    2,
  )}\n`,
);
if (!values.dir) fs.rmSync(dir, { recursive: true, force: true });
