// Reads one listed page and records what it found: its links matched to products and written with the page in one
// transaction (read), nothing new (unchanged: 304, or a sitemap lastmod that did not move, without a request), the
// page gone (404/410, or robots.txt now disallows it), or why it could not be read this time (kept as it was).

import type { ScannedLink } from '../../store/db/pages/page-table.js';
import type { PageTables } from '../../store/db/pages/scan-tables.js';
import type { StoredSite } from '../../store/db/pages/site-table.js';
import { isHtmlType } from '../discover/document-kind.js';
import type { SitemapEntry } from '../discover/sitemap.js';
import type { PageReader } from '../fetch/page-reader.js';
import { extractLinks } from '../links/extract-links.js';
import { linkKeys, matchLink } from '../links/match-keys.js';

export type PageOutcome =
  | { kind: 'read'; links: number; matched: number }
  | { kind: 'unchanged'; links: number; matched: number }
  | { kind: 'gone' }
  | { kind: 'skipped' }
  | { kind: 'failed'; problem: string };

export interface ScanPageDeps {
  tables: PageTables;
  reader: PageReader;
  /** resolves when the database may be written; write synchronously after it */
  writable: () => Promise<void>;
  /** the scanner wrote to the database */
  wrote: () => void;
}

export async function scanPage(
  deps: ScanPageDeps,
  site: StoredSite,
  entry: SitemapEntry,
  listedAt: number,
  now: () => number,
): Promise<PageOutcome> {
  const { tables: index, reader } = deps;
  const stored = index.pages.byUrl(entry.url);
  if (stored && stored.siteId !== site.id) return { kind: 'skipped' }; // another of the partner's sites reads it
  const write = async (change: () => void) => {
    await deps.writable();
    change();
    deps.wrote();
  };
  if (stored?.readOk && entry.lastmod !== null && entry.lastmod === stored.lastmod) {
    await write(() => index.pages.unchanged(stored.id, entry.lastmod, listedAt));
    return { kind: 'unchanged', ...index.pages.linkCounts(stored.id) };
  }
  const result = await reader.read(entry.url, isHtmlType, stored ?? {});
  switch (result.kind) {
    case 'not-modified':
      if (!stored) return { kind: 'failed', problem: 'the server answered 304 to a first request' };
      await write(() => index.pages.unchanged(stored.id, entry.lastmod, listedAt));
      return { kind: 'unchanged', ...index.pages.linkCounts(stored.id) };
    case 'gone':
    case 'disallowed':
    case 'unwanted':
      if (stored) await write(() => index.pages.remove(stored.id));
      return { kind: result.kind === 'gone' ? 'gone' : 'skipped' };
    case 'failed':
      await write(() => index.pages.failed(site.id, entry.url, result.status, result.problem, listedAt));
      return { kind: 'failed', problem: result.problem };
    case 'body': {
      const page = extractLinks(decode(result.body, result.contentType), result.url);
      const lookup = index.keys.lookup();
      let matched = 0;
      const links = page.links.map((link): ScannedLink => {
        const keys = linkKeys(link.href);
        const found = matchLink(keys, lookup);
        if (found) matched++;
        return { ...link, keys, product: found?.product ?? null, match: found?.match ?? null };
      });
      const read = {
        url: entry.url,
        finalUrl: result.url,
        title: page.title,
        status: 200,
        etag: result.etag,
        lastModified: result.lastModified,
        lastmod: entry.lastmod,
        links,
      };
      await write(() => index.pages.write(site.id, read, now()));
      return { kind: 'read', links: links.length, matched };
    }
  }
}

/** The page's text in the charset its Content-Type names (UTF-8 when it names none or one unknown here). */
function decode(body: Buffer, contentType: string): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType)?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}
