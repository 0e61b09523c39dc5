// The engine in a child process for the page-scan figure (issue 18). `seed`: makes the generated site's products
// known (postbacks to its own receiver) and exits. `scan` (a fresh process over that folder, so what the postbacks
// left in memory is not counted): while its resident memory is sampled, reads the whole site (first scan), reads it
// again (every page answers 304), and fetches every page once more with a plain loop (the baseline: what the network
// and the site alone cost). Prints one JSON line and exits. Run with --expose-gc.
import fs from 'node:fs';
import http from 'node:http';
import { openEngine } from '../../main/engine/index.js';
import { GENERATED, generatedItem, generatedProductUrl } from '../../test/fakes/generated-site.js';

const [phase = '', dataDir = '', siteUrl = '', pagesText = '0'] = process.argv.slice(2);
const pages = Number(pagesText);
const MB = 2 ** 20;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

fs.mkdirSync(dataDir, { recursive: true });
const engine = await openEngine({
  dataDir,
  secret: 'bench-pages-secret-0123456789',
  receiverHost: '127.0.0.1',
  receiverPort: 0,
  pages: { delayMs: 0, daily: false },
});
if (phase === 'seed') {
  await seedProducts();
  await engine.close();
  process.exit(0);
}

async function seedProducts(): Promise<void> {
  const { postbackUrl } = await engine.startReceiver();
  for (let k = 0; k < GENERATED.products; k++) {
    const body = {
      Operation: 'Insert',
      CatalogId: GENERATED.catalogId,
      CampaignId: GENERATED.campaignId,
      CatalogItemId: generatedItem(k),
      Name: `Product ${k}`,
      Url: generatedProductUrl(k),
      CurrentPrice: '19.99',
      StockAvailability: 'InStock',
    };
    const response = await fetch(postbackUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 200) throw new Error(`postback answered ${response.status}`);
  }
  while (engine.appliedSeq() < GENERATED.products) await new Promise((resolve) => setTimeout(resolve, 20));
}

const scanned = async (after: string | null) => {
  for (;;) {
    const scan = (await engine.api.status(undefined)).pageScan;
    if (scan && !scan.running && scan.lastFinishedAt !== after) return scan;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

gc();
const rssBefore = process.memoryUsage().rss;
let rssPeak = rssBefore;
const sampler = setInterval(() => {
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
}, 50);

let started = performance.now();
await engine.api.addSite({ url: `${siteUrl}/sitemap.xml.gz` });
const first = await scanned(null);
const firstScanMs = performance.now() - started;

started = performance.now();
await engine.api.scanSites(undefined);
const again = await scanned(first.lastFinishedAt);
const unchangedScanMs = performance.now() - started;
clearInterval(sampler);
gc();
const rssAfterGc = process.memoryUsage().rss;

// The baseline: the same pages over the same kind of connection (node:http, kept alive), body read, nothing else.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const get = (url: string) =>
  new Promise<string>((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.on('error', reject);
      })
      .on('error', reject);
  });
started = performance.now();
for (let i = 0; i < pages; i++) await get(`${siteUrl}/p/${i}`);
const plainFetchMs = performance.now() - started;
agent.destroy();

await engine.close();
process.stdout.write(
  `${JSON.stringify({
    pages: first.total,
    links: first.links,
    matched: first.matched,
    errors: first.errors + again.errors,
    firstScanMs,
    unchangedScanMs,
    plainFetchMs,
    rssBeforeMb: rssBefore / MB,
    rssPeakGrowthMb: (rssPeak - rssBefore) / MB,
    rssGrowthMb: (rssAfterGc - rssBefore) / MB,
  })}\n`,
);
process.exit(0);
