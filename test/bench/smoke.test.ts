// Keeps `npm run bench` from rotting: a --quick run (1 s loads, 2,000 products, a small burst) must finish and
// write every figure as a number, or as null with the reason it could not be measured (the naive baseline B cannot
// load a store past a size; the first render needs Chromium). Targets are not asserted: timed assertions have no
// place in the test suite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readOptions } from '../../bench/options.js';
import { SEARCH_TERMS } from '../../bench/postback-body.js';
import { runBench } from '../../bench/run.js';

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfwatch-bench-smoke-'));
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

describe('npm run bench --quick', () => {
  it('writes the JSON with every figure numeric', { timeout: 150_000 }, async () => {
    const out = path.join(outDir, 'latest.json');
    // --no-ui when Chromium is absent: the first-render figure needs a browser this machine may not have;
    // the run then records why it is missing instead of a number.
    const noUi = fs.existsSync('/usr/bin/chromium') ? [] : ['--no-ui'];
    await runBench(readOptions(['--quick', '--out', out, ...noUi]), () => undefined);
    const figures = JSON.parse(fs.readFileSync(out, 'utf8'));

    for (const size of ['empty', 'large']) {
      const receiver = figures.receiver[size];
      for (const server of ['A', 'B', 'C']) {
        if (server === 'B' && receiver.B === null) {
          expect(receiver.bUnavailable).toBeTypeOf('string');
          continue;
        }
        for (const field of ['reqPerSec', 'p50Ms', 'p99Ms']) expect(receiver[server][field]).toBeTypeOf('number');
        expect(receiver[server].acknowledged).toBeGreaterThan(0);
      }
      for (const ratio of ['cOverA', 'p99COverA']) expect(Number.isFinite(receiver[ratio])).toBe(true);
      if (receiver.B !== null) expect(Number.isFinite(receiver.cOverB)).toBe(true);
      for (const field of ['ackMs', 'feedMs', 'feedToAckRatio']) {
        expect(Number.isFinite(figures.burst[size][field])).toBe(true);
      }
    }
    // At the smoke run's size B loads its store: the null-with-a-reason path is for large stores.
    expect(figures.receiver.large.B).not.toBeNull();
    for (const field of [
      'spawnToReadyMs',
      'inProcessReadyMs',
      'openMs',
      'rssMb',
      'rssAfterBurstMb',
      'rssAfterLoadMb',
    ]) {
      expect(Number.isFinite(figures.startup[field])).toBe(true);
    }
    expect(figures.seed.products).toBe(2000);
    expect(figures.seed.historyPoints).toBeGreaterThan(figures.seed.products);
    expect(figures.feedPage.cases).toHaveLength(9);
    for (const c of figures.feedPage.cases) {
      expect(Number.isFinite(c.p99Ms)).toBe(true);
      // A selective search may rightly find nothing among the watched products; the others must find entries.
      if (c.q !== SEARCH_TERMS.selective || c.filter === 'all') expect(c.items).toBeGreaterThan(0);
    }
    expect(Number.isFinite(figures.productPage.p99Ms)).toBe(true);
    expect(figures.productPage.minHistory).toBe(200);
    if (figures.firstRender.missingReason === null) expect(Number.isFinite(figures.firstRender.coldMs)).toBe(true);
    else expect(figures.firstRender.missingReason).toBeTypeOf('string');
    // Every follower received every acknowledged postback, and the delays and memory are numbers.
    expect(figures.fanout.postbacks).toBeGreaterThan(0);
    expect(figures.fanout.missing).toBe(0);
    for (const field of ['delayP50Ms', 'delayP99Ms', 'hubRssPerFollowerKb']) {
      expect(Number.isFinite(figures.fanout[field])).toBe(true);
    }
    // Every alert reached the local webhook through the outbox, and the channel figures are numbers.
    expect(figures.channels.missing).toBe(0);
    expect(figures.channels.alertsOn).toBeGreaterThan(0);
    for (const field of ['latencyP50Ms', 'latencyP99Ms', 'alertsPerSecond', 'onOverOff', 'onEachOverOff']) {
      expect(Number.isFinite(figures.channels[field])).toBe(true);
    }
    // The page scan read every page of its site, matched links to the products, and again with all 304.
    expect(figures.pages.links).toBe(figures.pages.pages * figures.pages.linksPerPage);
    expect(figures.pages.matched).toBeGreaterThan(0);
    expect(figures.pages.errors).toBe(0);
    expect(figures.pages.served).toEqual({ full: figures.pages.pages * 2, notModified: figures.pages.pages });
    for (const field of ['firstScanMs', 'unchangedScanMs', 'plainFetchMs', 'scanOverFetch', 'rssGrowthMb']) {
      expect(Number.isFinite(figures.pages[field])).toBe(true);
    }
    for (const target of figures.targets) {
      if (target.pass === null) expect(target.note ?? figures.firstRender.missingReason).toBeTypeOf('string');
      else expect(Number.isFinite(target.value)).toBe(true);
    }
    expect(figures.targets.length).toBeGreaterThan(0);
  });
});
