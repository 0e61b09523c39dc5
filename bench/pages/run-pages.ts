// The page-scan figure (issue 18): a generated site of 10,000 pages and 300,000 links on loopback (no pause between
// requests), read by the engine in a child process: the first scan, an unchanged rescan (every page 304), the
// resident memory the scan adds, and both against a plain fetch of every page in the same run. `npm run bench` runs
// it after the others; `npm run bench:pages -- [--pages 10000] [--links 30]` runs it on its own.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startGeneratedSite } from '../../test/fakes/generated-site.js';

const CHILD = fileURLToPath(new URL('./scan-child.ts', import.meta.url));

export interface SiteSizeOptions {
  pages: number;
  linksPerPage: number;
}

export const PAGES_DEFAULTS: SiteSizeOptions = { pages: 10_000, linksPerPage: 30 };
export const PAGES_QUICK: SiteSizeOptions = { pages: 300, linksPerPage: 30 };

export interface PageScanFigures extends SiteSizeOptions {
  /** what the scan found: pages listed, links read, links matched to products, pages that could not be read */
  links: number;
  matched: number;
  errors: number;
  firstScanMs: number;
  /** every page answers 304 */
  unchangedScanMs: number;
  /** the same pages fetched in a plain loop (no robots.txt, parsing, matching or writing): the baseline */
  plainFetchMs: number;
  /** first scan / plain fetch of the same pages */
  scanOverFetch: number;
  /** resident memory before the scans, after a full GC */
  rssBeforeMb: number;
  /** resident memory after both scans, after a full GC, above rssBeforeMb (how the bench measures memory) */
  rssGrowthMb: number;
  /** the highest resident memory sampled during the scans (every 50 ms), above rssBeforeMb: garbage V8 had not
   * collected yet included */
  rssPeakGrowthMb: number;
  /** pages served in full and as 304 by the site */
  served: { full: number; notModified: number };
}

export async function runPageScan(options: SiteSizeOptions): Promise<PageScanFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfwatch-bench-pages-'));
  const site = await startGeneratedSite(options.pages, options.linksPerPage);
  try {
    const data = path.join(dir, 'data');
    await runChild(['seed', data]);
    const output = await runChild(['scan', data, site.url, String(options.pages)]);
    const figures = JSON.parse(output) as Omit<PageScanFigures, keyof SiteSizeOptions | 'served' | 'scanOverFetch'>;
    return {
      ...options,
      ...figures,
      scanOverFetch: figures.firstScanMs / figures.plainFetchMs,
      served: { ...site.served },
    };
  } finally {
    await site.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function runChild(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once('exit', (code) => {
      const line = out.split('\n').find((candidate) => candidate.startsWith('{'));
      if (code === 0) resolve(line ?? '');
      else reject(new Error(`the page-scan child failed (${code}): ${err.slice(-2000)}`));
    });
  });
}

export function formatPageScan(f: PageScanFigures): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return (
    `Your pages: ${f.pages.toLocaleString('en-US')} pages, ${f.links.toLocaleString('en-US')} links ` +
    `(${f.matched.toLocaleString('en-US')} to products) read in ${s(f.firstScanMs)} ` +
    `(${f.scanOverFetch.toFixed(2)}× a plain fetch of the same pages, ${s(f.plainFetchMs)}); unchanged rescan ` +
    `(all 304) ${s(f.unchangedScanMs)}; resident memory +${f.rssGrowthMb.toFixed(1)} MB after a full GC ` +
    `(peak +${f.rssPeakGrowthMb.toFixed(1)} MB, from ${f.rssBeforeMb.toFixed(0)} MB); ${f.errors} errors`
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { values } = parseArgs({ options: { pages: { type: 'string' }, links: { type: 'string' } } });
  const figures = await runPageScan({
    pages: Number(values.pages ?? PAGES_DEFAULTS.pages),
    linksPerPage: Number(values.links ?? PAGES_DEFAULTS.linksPerPage),
  });
  process.stdout.write(
    `${formatPageScan(figures)}\n${JSON.stringify({ ...figures, load: os.loadavg()[0] }, null, 2)}\n`,
  );
}
