// kill -9 in the middle of a scan leaves the previous index intact: every page still there, and each with exactly
// the links of one reading of it (the one before, or the new one if its transaction committed), never a mix.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../main/engine/index.js';
import { type GeneratedSite, generatedLinks, startGeneratedSite } from '../fakes/generated-site.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { until } from '../helpers/until.js';

const CHILD = fileURLToPath(new URL('./pages-scan-child.ts', import.meta.url));
const PAGES = 60;
const LINKS = 12;
const temp = makeTempDir('shelfwatch-pages-kill-');
let site: GeneratedSite | undefined;
afterAll(async () => {
  await site?.close();
  temp.remove();
});

const testPages = { delayMs: 0, timeoutMs: 5_000, daily: false };
const hrefs = (i: number, version: number) => generatedLinks(i, version, LINKS).map((href) => new URL(href).href);

describe('kill -9 during a scan', () => {
  it('leaves every page with the links of one whole reading', async () => {
    site = await startGeneratedSite(PAGES, LINKS);
    const first = await openEngine({ dataDir: temp.dir, pages: testPages });
    await first.api.addSite({ url: site.sitemapUrl });
    await until('the first scan', async () => (await first.api.status(undefined)).pageScan?.lastFinishedAt != null);
    await first.close();

    site.version = 2; // every page now links elsewhere
    const servedBefore = site.served.full;
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, temp.dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    await until(
      'the child to read a third of the pages',
      () => site !== undefined && site.served.full - servedBefore >= PAGES / 3,
    );
    child.kill('SIGKILL');
    await exited;

    const engine = await openEngine({ dataDir: temp.dir, pages: testPages });
    try {
      const versions: number[] = [];
      for (let i = 0; i < PAGES; i++) {
        const links = (await engine.api.pageLinks({ url: `${site.url}/p/${i}` })).items.map((link) => link.href);
        const version = [1, 2].find((v) => JSON.stringify(links) === JSON.stringify(hrefs(i, v)));
        expect(version, `page ${i} holds a mix of readings`).toBeDefined();
        versions.push(version ?? 0);
      }
      const newer = versions.filter((version) => version === 2).length;
      console.info(`pages kill test: killed after ${newer} of ${PAGES} pages were read again`);
      expect(newer).toBeGreaterThan(0);
      expect(newer).toBeLessThan(PAGES);
      expect((await engine.api.status(undefined)).notices).toEqual([]);
    } finally {
      await engine.close();
    }
  }, 120_000);
});
