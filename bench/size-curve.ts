// `npm run bench -- --sizes 100000,1000000,5000000`: how start-up, memory and page times grow with the store. For
// each size: seed a fresh folder, start C on it, measure, stop, delete the folder. Written to size-curve.json beside
// the run's JSON, so latest.json keeps the full run's figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stopAllChildren } from './child-server.js';
import { machineInfo } from './machine.js';
import { measureFeedPages } from './measure/feed-page.js';
import { measureProductPages } from './measure/product-page.js';
import { measureStartups } from './measure/startup.js';
import type { BenchOptions } from './options.js';
import { buildSeedFolder, type SeedInfo } from './seed/seed-folder.js';

const MB = 2 ** 20;

export interface CurvePoint {
  seed: Omit<SeedInfo, 'dir' | 'plan'>;
  /** median of three starts on fresh copies (see measure/startup.ts) */
  spawnToReadyMs: number;
  spawnToReadyRunsMs: number[];
  openMs: number;
  rssMb: number;
  feedPageWorstP99Ms: number;
  productPageP99Ms: number;
}

export interface SizeCurve {
  machine: ReturnType<typeof machineInfo>;
  startedAt: string;
  durationMs: number;
  out: string;
  points: CurvePoint[];
}

export async function runSizeCurve(
  options: BenchOptions,
  log: (text: string) => void = (text) => process.stderr.write(`${text}\n`),
): Promise<SizeCurve> {
  const startedAt = new Date().toISOString();
  const out = path.join(path.dirname(options.out), 'size-curve.json');
  const curve: SizeCurve = { machine: machineInfo(), startedAt, durationMs: 0, out, points: [] };
  for (const products of options.sizes ?? []) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfwatch-curve-'));
    try {
      log(`size ${products}: seeding…`);
      const { dir: _dir, plan, ...seed } = await buildSeedFolder(dir, products, options.feedEntries, log);
      log(`  seeded in ${Math.round(seed.buildMs)} ms; starting C…`);
      const { server, startup } = await measureStartups(dir, `${dir}-c`, '/nonexistent', 3);
      try {
        const feed = await measureFeedPages(server.uiPort, options.feedRequests);
        const product = await measureProductPages(server.uiPort, plan, options.productRequests);
        curve.points.push({
          seed,
          spawnToReadyMs: startup.spawnToReadyMs,
          spawnToReadyRunsMs: startup.spawnToReadyRunsMs,
          openMs: startup.openMs,
          rssMb: startup.rssMb,
          feedPageWorstP99Ms: feed.worstP99Ms,
          productPageP99Ms: product.p99Ms,
        });
      } finally {
        await server.stop();
      }
    } finally {
      await stopAllChildren();
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(`${dir}-c`, { recursive: true, force: true });
    }
    curve.durationMs = Date.now() - Date.parse(startedAt);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(curve, null, 2)}\n`);
  }
  return curve;
}

export function formatCurve(curve: SizeCurve): string {
  const m = curve.machine;
  const lines = [
    `Size curve — ${m.cpu}, ${m.cores} cores, Node ${m.node}, load ${m.loadAverage}, commit ${m.commit}`,
    '',
    '| products | history points | feed entries | database MB | seeded in s | start to ready ms | RSS at ready MB | feed page p99 ms (worst) | product page p99 ms |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const p of curve.points) {
    const cells = [
      p.seed.products.toLocaleString('en-US'),
      p.seed.historyPoints.toLocaleString('en-US'),
      p.seed.feedEntries.toLocaleString('en-US'),
      (p.seed.dbBytes / MB).toFixed(0),
      (p.seed.buildMs / 1000).toFixed(0),
      p.spawnToReadyMs.toFixed(0),
      p.rssMb.toFixed(0),
      p.feedPageWorstP99Ms.toFixed(1),
      p.productPageP99Ms.toFixed(1),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  lines.push('', `Took ${(curve.durationMs / 60_000).toFixed(1)} min.`);
  return lines.join('\n');
}
