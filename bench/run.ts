// `npm run bench`: issues 5 and 10's benchmark. A (no-op Express), B (naive lowdb write per request) and C
// (Shelfwatch) side by side at an empty and a large store, plus burst, start-up, memory, feed page, product page and
// first-render figures, issue 11's hub fan-out figure and issue 17's alert-channel figure. Prints a table and writes the same figures to bench-results/latest.json. With --sizes it
// measures the size curve instead (size-curve.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHANNEL_DEFAULTS, CHANNEL_QUICK, runChannels } from './channels/run-channels.js';
import { type ChildServer, startChildServer, stopAllChildren } from './child-server.js';
import { FANOUT_DEFAULTS, FANOUT_QUICK, runFanout } from './fanout/run-fanout.js';
import type { BenchFigures } from './figures.js';
import { machineInfo } from './machine.js';
import { type BurstFigures, measureBurst } from './measure/burst.js';
import { measureFeedPages } from './measure/feed-page.js';
import { FEED_ROW_SELECTOR, firstRenderUnavailable, measureFirstRender } from './measure/first-render.js';
import { measureProductPages } from './measure/product-page.js';
import { measureStartups } from './measure/startup.js';
import { type BenchOptions, readOptions } from './options.js';
import { PAGES_DEFAULTS, PAGES_QUICK, runPageScan } from './pages/run-pages.js';
import { profileBurst, profileStartup } from './profile-run.js';
import { compareReceivers, type ReceiverComparison } from './receiver-compare.js';
import { DIST_RENDERER, rendererDir } from './renderer-dir.js';
import { formatTable, writeJson } from './report.js';
import { writeNaiveSeed } from './seed/naive-store.js';
import { buildSeedFolder, copySeed, type SeedInfo } from './seed/seed-folder.js';
import { waitForCheckpoint } from './settle.js';
import { formatCurve, runSizeCurve } from './size-curve.js';
import { checkTargets } from './targets.js';

const MB = 2 ** 20;

export async function runBench(
  options: BenchOptions,
  log: (text: string) => void = (text) => process.stderr.write(`${text}\n`),
) {
  const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfwatch-bench-'));
  const folder = (name: string) => path.join(tempRoot, name);
  const startedAt = new Date().toISOString();
  try {
    log(`seeding ${options.products} products, ${options.feedEntries} feed entries…`);
    const seed = await buildSeedFolder(folder('seed'), options.products, options.feedEntries, log);
    log(`  seeded in ${Math.round(seed.buildMs)} ms (${Math.round(seed.dbBytes / MB)} MB database); the naive store…`);
    const naiveStarted = performance.now();
    const naiveBytes = writeNaiveSeed(folder('naive-seed.json'), seed.plan);
    const naiveSeed = { bytes: naiveBytes, buildMs: performance.now() - naiveStarted };
    log(`  naive store: ${Math.round(naiveBytes / MB)} MB in ${Math.round(naiveSeed.buildMs)} ms`);
    const uiDir = options.ui ? rendererDir({ ...options, tempRoot }) : DIST_RENDERER;
    const uiMissing = options.ui ? firstRenderUnavailable(uiDir) : 'skipped (--no-ui)';

    log('large store: start-up, feed pages, first render, burst…');
    const { server: cLarge, startup } = await measureStartups(
      seed.dir,
      folder('c-large'),
      uiDir,
      options.quick ? 1 : 3,
    );
    const feedPage = await measureFeedPages(cLarge.uiPort, options.feedRequests);
    const productPage = await measureProductPages(cLarge.uiPort, seed.plan, options.productRequests);
    const firstRender = uiMissing
      ? { coldMs: null, warmMs: null, selector: FEED_ROW_SELECTOR, missingReason: uiMissing }
      : { ...(await measureFirstRender(cLarge.uiPort, options.quick ? 1 : 3)), missingReason: null };
    const largeBurst = await burstAndSettle(cLarge, folder('c-large'), options);
    startup.rssAfterBurstMb = largeBurst.rssAfterMb;

    log('empty store: burst…');
    const cEmpty = await startChildServer('shelfwatch', { args: [folder('c-empty')] });
    const emptyBurst = await burstAndSettle(cEmpty, folder('c-empty'), options);

    log('empty store: A, C, B…');
    const empty = await compareAt(cEmpty, folder('c-empty'), null, folder('naive-empty.json'), options);
    await cEmpty.stop();

    log('large store: A, C, B…');
    const large = await compareAt(
      cLarge,
      folder('c-large'),
      folder('naive-seed.json'),
      folder('naive-large.json'),
      options,
    );
    startup.rssAfterLoadMb = (await cLarge.residentBytes()) / MB;
    await cLarge.stop();

    let fanout: BenchFigures['fanout'] = null;
    if (options.fanout) {
      const fanoutOptions = options.quick ? FANOUT_QUICK : FANOUT_DEFAULTS;
      log(`hub fan-out: ${fanoutOptions.followers} followers, ${fanoutOptions.ratePerSecond} postbacks/s…`);
      fanout = await runFanout(fanoutOptions);
    }

    let channels: BenchFigures['channels'] = null;
    if (options.channels) {
      log('alert channels: latency, throughput and the receiver with a channel on and off…');
      channels = await runChannels(options.quick ? CHANNEL_QUICK : CHANNEL_DEFAULTS);
    }

    let pages: BenchFigures['pages'] = null;
    if (options.pages) {
      const pageOptions = options.quick ? PAGES_QUICK : PAGES_DEFAULTS;
      log(`your pages: a ${pageOptions.pages}-page site, ${pageOptions.linksPerPage} links a page…`);
      pages = await runPageScan(pageOptions);
    }

    let profile: BenchFigures['profile'] = null;
    if (options.profile) profile = await runProfiles(seed, folder, options, log);

    const { dir: _dir, ...seedFigures } = seed;
    const figures: BenchFigures = {
      machine: machineInfo(),
      options,
      startedAt,
      durationMs: Date.now() - Date.parse(startedAt),
      seed: seedFigures,
      naiveSeed,
      receiver: { empty, large },
      burst: { empty: emptyBurst, large: largeBurst },
      startup,
      feedPage,
      productPage,
      firstRender,
      fanout,
      channels,
      pages,
      profile,
      targets: [],
    };
    figures.targets = checkTargets(figures);
    writeJson(options.out, figures);
    return figures;
  } finally {
    await stopAllChildren();
    fs.rmSync(tempRoot, { recursive: true, force: true });
  }
}

async function burstAndSettle(server: ChildServer, dataDir: string, options: BenchOptions): Promise<BurstFigures> {
  // The smoke run does not wait for the checkpoint (its figures are not compared against targets).
  const settle = () => (options.quick ? Promise.resolve() : waitForCheckpoint(dataDir, Date.now(), 20_000));
  return measureBurst(server, options.burst, options.connections, settle);
}

/** Starts A and B for this store size beside the running C, loads all three, and stops A and B. */
async function compareAt(
  c: ChildServer,
  cDataDir: string,
  seedStore: string | null,
  naiveFile: string,
  options: BenchOptions,
): Promise<ReceiverComparison> {
  const tag = path.basename(naiveFile, '.json');
  if (seedStore) fs.copyFileSync(seedStore, naiveFile);
  const a = await startChildServer('noop');
  const b = await startChildServer('naive', { args: [naiveFile] }).catch((error: Error) => ({
    unavailable: loadFailure(error),
  }));
  try {
    const warmupS = options.quick ? 0 : 1;
    const rounds = options.rounds;
    const settleC = async () => {
      // The smoke run skips the wait (its figures are not compared against targets).
      if (!options.quick) await waitForCheckpoint(cDataDir, Date.now(), 20_000);
    };
    return await compareReceivers(
      { A: a, B: b, C: c },
      { tag, durationS: options.durationS, connections: options.connections, warmupS, rounds, settleC },
    );
  } finally {
    await a.stop();
    // B may still be working off a backlog of whole-store writes: it must not steal CPU from what comes next.
    if ('stop' in b) await b.stop({ hard: true });
    fs.rmSync(naiveFile, { force: true });
  }
}

/** The line that says why B could not start (its store is too big for one string or for the heap). */
function loadFailure(error: Error): string {
  const lines = error.message.split('\n').map((line) => line.trim());
  const cause = lines.find((line) =>
    /RangeError|FATAL ERROR|heap out of memory|ERR_STRING_TOO_LONG|not ready within/.test(line),
  );
  return cause ?? lines[0] ?? 'unknown';
}

async function runProfiles(
  seed: SeedInfo,
  folder: (name: string) => string,
  options: BenchOptions,
  log: (text: string) => void,
): Promise<NonNullable<BenchFigures['profile']>> {
  const profileDir = path.join(path.dirname(options.out), 'profiles');
  log('profiling C: burst at an empty store…');
  const empty = await profileBurst(folder('p-empty'), profileDir, 'empty', options.burst, options.connections);
  log('profiling C: burst at the large store…');
  copySeed(seed.dir, folder('p-large'));
  const large = await profileBurst(folder('p-large'), profileDir, 'large', options.burst, options.connections);
  log('profiling C: start-up at the large store…');
  copySeed(seed.dir, folder('p-startup'));
  const startup = await profileStartup(folder('p-startup'), profileDir);
  return {
    empty: empty.summary,
    large: large.summary,
    startup: startup.summary,
    files: [empty.file, large.file, startup.file],
  };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname;
if (isMain) {
  const stopOnSignal = () => void stopAllChildren().then(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  const options = readOptions(process.argv.slice(2));
  if (options.sizes) {
    const curve = await runSizeCurve(options);
    process.stdout.write(`${formatCurve(curve)}\n\nJSON: ${curve.out}\n`);
  } else {
    const figures = await runBench(options);
    process.stdout.write(`${formatTable(figures)}\n\nJSON: ${options.out}\n`);
  }
}
