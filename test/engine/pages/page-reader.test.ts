// The page reader's manners on their own: one request at a time per host whatever asks at once, the pause between
// requests (and robots.txt's Crawl-delay), redirects kept within the site and to five, and robots.txt read as RFC
// 9309 says (unreadable: nothing is read; missing: everything may be).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PageReader } from '../../../main/engine/pages/fetch/page-reader.js';
import { type FakeSite, FAKE_SITE_PATHS as PATHS, startFakeSite } from '../../fakes/fake-site.js';

let site: FakeSite;
let stop: AbortController;
beforeEach(async () => {
  site = await startFakeSite();
  stop = new AbortController();
});
afterEach(async () => {
  stop.abort();
  await site.close();
});

const html = () => true;

function reader(delayMs = 0, sleeps: number[] = []) {
  return new PageReader({
    delayMs,
    timeoutMs: 2_000,
    maxBytes: 64 * 1024,
    signal: stop.signal,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
}

describe('PageReader', () => {
  it('sends one request at a time to a host, however many are asked for at once', async () => {
    site.latencyMs = 20;
    const pages = reader();
    const results = await Promise.all(
      [PATHS.review, PATHS.giftGuide, PATHS.newPost, PATHS.review].map((path) =>
        pages.read(`${site.url}${path}`, html),
      ),
    );
    expect(results.map((result) => result.kind)).toEqual(['body', 'body', 'body', 'body']);
    expect(site.maxInFlight).toBe(1);
  });

  it('pauses between requests, longer when robots.txt asks for a Crawl-delay', async () => {
    const sleeps: number[] = [];
    await reader(250, sleeps).read(`${site.url}${PATHS.review}`, html);
    expect(sleeps).toEqual([250]); // robots.txt, then the page

    site.robots = 'User-agent: Shelfwatch\nCrawl-delay: 3\n';
    const slower: number[] = [];
    const pages = reader(250, slower);
    await pages.read(`${site.url}${PATHS.review}`, html);
    await pages.read(`${site.url}${PATHS.giftGuide}`, html);
    expect(slower).toEqual([3_000, 3_000]);
  });

  it('follows redirects within the site, five at most, and never to another site or scheme', async () => {
    const pages = reader();
    expect(await pages.read(`${site.url}${PATHS.oldPost}`, html)).toMatchObject({
      kind: 'body',
      url: `${site.url}${PATHS.newPost}`,
    });

    for (let i = 0; i < 6; i++) site.redirects.set(`/hop${i}`, `/hop${i + 1}`);
    site.pages.set('/hop6', '<title>end</title>');
    expect(await pages.read(`${site.url}/hop1`, html)).toMatchObject({ kind: 'body', url: `${site.url}/hop6` });
    expect(await pages.read(`${site.url}/hop0`, html)).toMatchObject({
      kind: 'failed',
      problem: 'more than 5 redirects',
    });

    site.redirects.set('/away', 'https://elsewhere.test/page');
    site.redirects.set('/file', 'file:///etc/passwd');
    expect(await pages.read(`${site.url}/away`, html)).toMatchObject({
      kind: 'failed',
      problem: 'redirects to another site (elsewhere.test)',
    });
    expect(await pages.read(`${site.url}/file`, html)).toMatchObject({ kind: 'failed' });
    expect(await pages.read('file:///etc/passwd', html)).toMatchObject({
      kind: 'failed',
      problem: 'not an http(s) address',
    });
  });

  it('reads nothing from a site whose robots.txt cannot be read, and everything when there is none', async () => {
    site.robotsStatus = 503;
    const refused = await reader().read(`${site.url}${PATHS.review}`, html);
    expect(refused).toMatchObject({ kind: 'failed', problem: expect.stringMatching(/^robots.txt could not be read/) });
    expect(site.requestsFor(PATHS.review)).toEqual([]);

    site.robotsStatus = 404;
    expect(await reader().read(`${site.url}${PATHS.private}`, html)).toMatchObject({ kind: 'body' });
  });

  it('asks conditionally, and is told the page did not change', async () => {
    const pages = reader();
    const first = await pages.read(`${site.url}${PATHS.review}`, html);
    if (first.kind !== 'body') throw new Error(first.kind);
    expect(first.etag).toMatch(/^"/);
    expect(await pages.read(`${site.url}${PATHS.review}`, html, { etag: first.etag })).toEqual({
      kind: 'not-modified',
      url: `${site.url}${PATHS.review}`,
    });
    expect(site.requestsFor(PATHS.review)[0]?.headers['accept-encoding']).toMatch(/gzip/);
  });
});
