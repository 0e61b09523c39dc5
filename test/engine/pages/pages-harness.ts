// An engine over a temp folder with its receiver up and the page reader set for tests (no pause between requests,
// short deadline, 64 KB page cap, no daily scan), plus the fake partner site and the products its pages link to.
import { onTestFinished } from 'vitest';
import { openEngine } from '../../../main/engine/index.js';
import type { PageScanOptions } from '../../../main/engine/pages/scan/scan-options.js';
import type { Engine } from '../../../main/engine/types.js';
import { FAKE_PRODUCTS, productPostback } from '../../fakes/fake-site/content.js';
import { type FakeSite, startFakeSite } from '../../fakes/fake-site.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { until } from '../../helpers/until.js';

export const TEST_PAGE_SCAN: Partial<PageScanOptions> = {
  delayMs: 0,
  timeoutMs: 800,
  maxBytes: 64 * 1024,
  daily: false,
};
const SECRET = 'pages-secret-0123456789abcdef';

export interface PagesHarness {
  engine: Engine;
  site: FakeSite;
  dataDir: string;
  /** sends a postback and waits until it is applied */
  postback(body: Record<string, string>): Promise<void>;
  /** posts the fake site's four products, in stock */
  postProducts(): Promise<void>;
  /** starts a scan and waits until it finished */
  scan(): Promise<void>;
  /** waits for the scan that runs (adding a site starts one) */
  scanned(): Promise<void>;
}

export async function pagesHarness(options: Partial<PageScanOptions> = {}): Promise<PagesHarness> {
  const temp = makeTempDir('shelfwatch-pages-');
  const site = await startFakeSite();
  const engine = await openEngine({
    dataDir: temp.dir,
    secret: SECRET,
    receiverHost: '127.0.0.1',
    receiverPort: 0,
    uiToken: 'pages-token',
    checkpoint: { quietMs: 20, maxDelayMs: 50 },
    pages: { ...TEST_PAGE_SCAN, ...options },
  });
  onTestFinished(async () => {
    await engine.close();
    await site.close();
    temp.remove();
  });
  const { port } = await engine.startReceiver();
  const scanned = async () => {
    await until('the page scan to finish', async () => !(await engine.api.status(undefined)).pageScan?.running);
  };
  const harness: PagesHarness = {
    engine,
    site,
    dataDir: temp.dir,
    async postback(body) {
      const before = engine.appliedSeq();
      const response = await fetch(`http://127.0.0.1:${port}/postback/${SECRET}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (response.status !== 200) throw new Error(`postback answered ${response.status}`);
      await until('the postback to be applied', () => engine.appliedSeq() > before);
    },
    async postProducts() {
      for (const product of FAKE_PRODUCTS)
        await harness.postback(productPostback(product.item, { Operation: 'Insert' }));
    },
    async scan() {
      await engine.api.scanSites(undefined);
      await scanned();
    },
    scanned,
  };
  return harness;
}
