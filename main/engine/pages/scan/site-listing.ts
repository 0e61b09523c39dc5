// Which pages a site has, from what it was added as: a sitemap (an index is followed to its sitemaps, gzipped or
// not), a feed (its articles, plus the pages already known from it: a feed lists only the newest), or one page.
// Only http(s) pages of the site itself are taken.

import type { StoredSite } from '../../store/db/pages/site-table.js';
import { bodyText, documentKind, isDocumentType, isGzip, MAX_UNPACKED_BYTES } from '../discover/document-kind.js';
import { parseFeed } from '../discover/feed.js';
import { parseSitemap, type SitemapEntry } from '../discover/sitemap.js';
import type { PageReader } from '../fetch/page-reader.js';
import { parseWebUrl, sameSite } from '../links/web-url.js';

/** Pages read from one site at most. */
export const MAX_SITE_PAGES = 50_000;
/** Sitemaps one sitemap index may lead to. */
const MAX_SITEMAPS = 200;

export interface SiteListing {
  entries: SitemapEntry[];
  /** every sitemap was read: a page missing from it has left the site */
  complete: boolean;
  /** why the listing is incomplete */
  problem: string | null;
}

export async function listSite(
  site: StoredSite,
  reader: PageReader,
  knownPages: () => SitemapEntry[],
): Promise<SiteListing> {
  if (site.kind === 'page') return { entries: [{ url: site.url, lastmod: null }], complete: true, problem: null };
  if (site.kind === 'feed') {
    const read = await readDocument(reader, site.url);
    if (typeof read === 'string') return { entries: knownPages(), complete: false, problem: read };
    return { entries: merge(site.url, [...parseFeed(read.text), ...knownPages()]), complete: true, problem: null };
  }
  return listSitemaps(site.url, reader);
}

async function listSitemaps(root: string, reader: PageReader): Promise<SiteListing> {
  const entries: SitemapEntry[] = [];
  const queue = [root];
  const seen = new Set<string>();
  const problems: string[] = [];
  while (queue.length > 0 && seen.size < MAX_SITEMAPS) {
    const url = queue.shift() as string;
    if (seen.has(url)) continue;
    seen.add(url);
    const read = await readDocument(reader, url);
    if (typeof read === 'string') {
      problems.push(`${url}: ${read}`);
      continue;
    }
    const sitemap = parseSitemap(read.text);
    if (sitemap.kind === 'index') {
      for (const child of sitemap.entries) {
        const next = parseWebUrl(child.url, read.url);
        if (next) queue.push(next.href);
      }
    } else entries.push(...sitemap.entries);
  }
  return {
    entries: merge(root, entries),
    complete: problems.length === 0 && queue.length === 0,
    problem: problems[0] ?? null,
  };
}

/** The document's text (unpacked when gzipped) and where it came from, or why it could not be read. */
async function readDocument(reader: PageReader, url: string): Promise<{ text: string; url: string } | string> {
  const result = await reader.read(url, isDocumentType, {}, MAX_UNPACKED_BYTES);
  if (result.kind === 'body') {
    try {
      const text = bodyText(result.body);
      if (!isGzip(result.body) && documentKind(text, result.contentType) === null)
        return 'neither a sitemap nor a feed';
      return { text, url: result.url };
    } catch (error) {
      return (error as Error).message;
    }
  }
  if (result.kind === 'gone') return `not found (${result.status})`;
  if (result.kind === 'disallowed') return 'robots.txt asks Shelfwatch not to read it';
  if (result.kind === 'unwanted') return `not a sitemap or feed (${result.contentType})`;
  if (result.kind === 'failed') return result.problem;
  return 'not read';
}

/** Pages of the site itself, each once (its first entry wins), http(s) only, at most MAX_SITE_PAGES. */
function merge(siteUrl: string, entries: SitemapEntry[]): SitemapEntry[] {
  const site = parseWebUrl(siteUrl);
  const byUrl = new Map<string, SitemapEntry>();
  for (const entry of entries) {
    const url = parseWebUrl(entry.url);
    if (!url || !site || !sameSite(url, site)) continue;
    url.hash = '';
    if (!byUrl.has(url.href)) byUrl.set(url.href, { url: url.href, lastmod: entry.lastmod });
    if (byUrl.size >= MAX_SITE_PAGES) break;
  }
  return [...byUrl.values()];
}
