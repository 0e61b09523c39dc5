// Keeps `npm run bench` from rotting: a --quick run (1 s loads, 2,000 products, a small burst) must finish and
// write every figure as a number. Targets are not asserted: timed assertions have no place in the test suite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readOptions } from '../../bench/options.js';
import { runBench } from '../../bench/run.js';

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfwatch-bench-smoke-'));
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

describe('npm run bench --quick', () => {
  it('writes the JSON with every figure numeric', { timeout: 90_000 }, async () => {
    const out = path.join(outDir, 'latest.json');
    // --no-ui when Chromium is absent: the first-render figure needs a browser this machine may not have;
    // the run then records why it is missing instead of a number.
    const noUi = fs.existsSync('/usr/bin/chromium') ? [] : ['--no-ui'];
    await runBench(readOptions(['--quick', '--out', out, ...noUi]), () => undefined);
    const figures = JSON.parse(fs.readFileSync(out, 'utf8'));

    for (const size of ['empty', 'large']) {
      const receiver = figures.receiver[size];
      for (const server of ['A', 'B', 'C']) {
        for (const field of ['reqPerSec', 'p50Ms', 'p99Ms']) expect(receiver[server][field]).toBeTypeOf('number');
        expect(receiver[server].acknowledged).toBeGreaterThan(0);
      }
      for (const ratio of ['cOverA', 'cOverB', 'p99COverA']) expect(Number.isFinite(receiver[ratio])).toBe(true);
      for (const field of ['ackMs', 'feedMs', 'feedToAckRatio']) {
        expect(Number.isFinite(figures.burst[size][field])).toBe(true);
      }
    }
    for (const field of ['spawnToReadyMs', 'inProcessReadyMs', 'openMs', 'rssMb', 'rssAfterLoadMb']) {
      expect(Number.isFinite(figures.startup[field])).toBe(true);
    }
    expect(figures.feedPage.cases).toHaveLength(6);
    for (const c of figures.feedPage.cases) expect(Number.isFinite(c.p99Ms)).toBe(true);
    if (figures.firstRender.missingReason === null) expect(Number.isFinite(figures.firstRender.coldMs)).toBe(true);
    else expect(figures.firstRender.missingReason).toBeTypeOf('string');
    expect(figures.targets.length).toBeGreaterThan(0);
  });
});
