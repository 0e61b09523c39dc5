// A fake partner site on 127.0.0.1 and a free port, with everything a real one throws at the page reader:
// robots.txt with a Disallow, a sitemap index whose child is gzipped, an RSS feed, a redirect, a 404, a huge page,
// a slow page, a PDF, and pages linking products in all four ways plus look-alikes (fake-site/content.ts).
// It answers conditional GETs (ETag, Last-Modified), gzips HTML when asked, and records every request.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { GIFT_GUIDE_HTML, NEW_POST_HTML, PRIVATE_HTML, REVIEW_HTML } from './fake-site/content.js';

export interface FakeSiteRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
}

export interface FakeSite {
  /** http://127.0.0.1:<port> */
  url: string;
  requests: FakeSiteRequest[];
  /** the most requests it ever had in flight at once */
  maxInFlight: number;
  /** paths of the pages the sitemap lists (change it to move pages in and out) */
  listed: string[];
  /** HTML by path (set one to change a page; delete it to make it 404) */
  pages: Map<string, string>;
  /** what robots.txt says, and the status it is served with (503: unreadable, 404: none) */
  robots: string;
  robotsStatus: number;
  /** redirects: path → Location */
  redirects: Map<string, string>;
  /** how long every answer waits before it starts (0: at once) */
  latencyMs: number;
  /** requests for this path (query included) */
  requestsFor(path: string): FakeSiteRequest[];
  close(): Promise<void>;
}

export const FAKE_SITE_PATHS = {
  review: '/reviews/best-tents',
  giftGuide: '/guides/gift-guide',
  oldPost: '/old-post',
  newPost: '/new-post',
  missing: '/missing',
  huge: '/huge',
  slow: '/slow',
  pdf: '/files/catalog.pdf',
  private: '/private/draft',
} as const;

/** Larger than the page cap tests set (64 KB), and than the real one (5 MB). */
const HUGE_BYTES = 6 * 1_048_576;

export async function startFakeSite(): Promise<FakeSite> {
  const paths = FAKE_SITE_PATHS;
  const pages = new Map<string, string>([
    [paths.review, REVIEW_HTML],
    [paths.giftGuide, GIFT_GUIDE_HTML],
    [paths.newPost, NEW_POST_HTML],
    [paths.private, PRIVATE_HTML],
  ]);
  const slowResponses = new Set<http.ServerResponse>();
  let inFlight = 0;
  const site: FakeSite = {
    url: '',
    requests: [],
    maxInFlight: 0,
    listed: [
      paths.review,
      paths.giftGuide,
      paths.oldPost,
      paths.missing,
      paths.huge,
      paths.slow,
      paths.pdf,
      paths.private,
    ],
    pages,
    robots: 'User-agent: *\nDisallow: /private/\n',
    robotsStatus: 200,
    redirects: new Map([[paths.oldPost, paths.newPost]]),
    latencyMs: 0,
    requestsFor: (path) => site.requests.filter((request) => request.path === path),
    close: async () => {
      for (const response of slowResponses) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const sitemap = (paths: string[], index = false) =>
    index
      ? `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${paths.map((path) => `<sitemap><loc>${site.url}${path}</loc></sitemap>`).join('')}</sitemapindex>`
      : `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${paths.map((path) => `<url><loc>${site.url}${path}</loc></url>`).join('')}</urlset>`;

  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    site.requests.push({ path, headers: req.headers });
    inFlight++;
    site.maxInFlight = Math.max(site.maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    if (site.latencyMs > 0) setTimeout(() => answer(req, res, path), site.latencyMs);
    else answer(req, res, path);
  });

  const answer = (req: http.IncomingMessage, res: http.ServerResponse, path: string) => {
    const html = pages.get(path);
    const redirect = site.redirects.get(path);
    if (path === '/robots.txt') {
      res.writeHead(site.robotsStatus, { 'content-type': 'text/plain' }).end(site.robots);
      return;
    }
    if (path === '/sitemap_index.xml')
      return send(res, 'application/xml', sitemap(['/sitemap-posts.xml.gz', '/sitemap-extra.xml'], true));
    if (path === '/sitemap-posts.xml.gz')
      return send(res, 'application/gzip', gzipSync(sitemap(site.listed.filter((_, i) => i % 2 === 0))));
    if (path === '/sitemap-extra.xml')
      return send(res, 'application/xml', sitemap(site.listed.filter((_, i) => i % 2 === 1)));
    if (path === '/feed.xml') return send(res, 'application/rss+xml', rss(site.url));
    if (redirect !== undefined) {
      res.writeHead(301, { location: redirect }).end();
      return;
    }
    if (path === paths.huge) return send(res, 'text/html', `<html><body>${'x'.repeat(HUGE_BYTES)}</body></html>`);
    if (path === paths.slow) {
      slowResponses.add(res); // never answers: the reader's deadline must end it
      return;
    }
    if (path === paths.pdf) return send(res, 'application/pdf', Buffer.from('%PDF-1.4 not a page'));
    if (html !== undefined) return sendPage(req, res, html);
    res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return site;
}

function send(res: http.ServerResponse, contentType: string, body: string | Buffer): void {
  res.writeHead(200, { 'content-type': contentType }).end(body);
}

/** An HTML page with an ETag and Last-Modified, 304 to a request that has it, gzipped when the client takes gzip. */
function sendPage(req: http.IncomingMessage, res: http.ServerResponse, html: string): void {
  const etag = `"${createHash('sha1').update(html).digest('hex').slice(0, 16)}"`;
  const headers: http.OutgoingHttpHeaders = {
    'content-type': 'text/html; charset=utf-8',
    etag,
    'last-modified': 'Mon, 04 May 2026 10:00:00 GMT',
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end();
    return;
  }
  if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    res.writeHead(200, { ...headers, 'content-encoding': 'gzip' }).end(gzipSync(html));
    return;
  }
  res.writeHead(200, headers).end(html);
}

function rss(base: string): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Outdoors blog</title>
<item><title>Best tents 2026</title><link>${base}${FAKE_SITE_PATHS.review}</link></item>
<item><title>Gift guide</title><link>${base}${FAKE_SITE_PATHS.giftGuide}</link></item>
</channel></rss>`;
}
