// A large generated partner site for the kill -9 test and the bench: N article pages (/p/<i>), each with L links
// to other sites, a third of them to Acme products (tracking links, sku links, plain links), listed in one sitemap
// (gzipped when asked). Pages answer conditional GETs; `version` changes every page's links (and its ETag).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export const GENERATED = { catalogId: '5000', campaignId: '500', partnerId: '77', adId: '88', products: 2_000 };

export interface GeneratedSite {
  url: string;
  sitemapUrl: string;
  /** bump to change every page's links */
  version: number;
  /** page requests served with content (200) and with 304 */
  served: { full: number; notModified: number };
  close(): Promise<void>;
}

export const generatedItem = (k: number) => `P-${k}`;
export const generatedProductUrl = (k: number) =>
  `https://acme.pxf.io/c/${GENERATED.partnerId}/${GENERATED.adId}/${GENERATED.campaignId}?prodsku=${generatedItem(k)}&u=${encodeURIComponent(`https://shop.acme.test/p/${k}`)}`;

/** The hrefs page `i` links to in `version` (what the index must hold for it after reading it). */
export function generatedLinks(i: number, version: number, linksPerPage: number): string[] {
  const links: string[] = [];
  for (let n = 0; n < linksPerPage; n++) {
    const k = (i * 7 + n * 13 + version * 31) % GENERATED.products;
    switch (n % 3) {
      case 0:
        links.push(`${generatedProductUrl(k)}&subId1=p${i}`);
        break;
      case 1:
        links.push(`https://elsewhere${n}.test/read/${i}/${version}`);
        break;
      default:
        links.push(`https://news.test/${version}/${i}/${n}`);
    }
  }
  return links;
}

export async function startGeneratedSite(pages: number, linksPerPage: number): Promise<GeneratedSite> {
  const site: GeneratedSite = {
    url: '',
    sitemapUrl: '',
    version: 1,
    served: { full: 0, notModified: 0 },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  let sitemap: Buffer | null = null;
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/robots.txt')
      return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    if (path === '/sitemap.xml.gz') {
      sitemap ??= gzipSync(sitemapXml(site.url, pages));
      return void res.writeHead(200, { 'content-type': 'application/gzip' }).end(sitemap);
    }
    const match = /^\/p\/(\d+)$/.exec(path);
    const i = Number(match?.[1] ?? -1);
    if (!match || i >= pages) return void res.writeHead(404).end();
    const etag = `"v${site.version}-${i}"`;
    if (req.headers['if-none-match'] === etag) {
      site.served.notModified++;
      return void res.writeHead(304, { etag }).end();
    }
    site.served.full++;
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag })
      .end(pageHtml(i, site.version, linksPerPage));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  site.sitemapUrl = `${site.url}/sitemap.xml.gz`;
  return site;
}

function sitemapXml(base: string, pages: number): string {
  const urls: string[] = [];
  for (let i = 0; i < pages; i++) urls.push(`<url><loc>${base}/p/${i}</loc></url>`);
  return `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>`;
}

function pageHtml(i: number, version: number, linksPerPage: number): string {
  const links = generatedLinks(i, version, linksPerPage)
    .map((href, n) => `<li><a href="${href.replaceAll('&', '&amp;')}">Link ${n} of article ${i}</a></li>`)
    .join('\n');
  return `<!doctype html><html><head><title>Article ${i}</title></head><body><nav><a href="/">Home</a></nav>
<h1>Article ${i}</h1><p>Some words about gear.</p><ul>${links}</ul></body></html>`;
}
