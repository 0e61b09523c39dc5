// The pages read from the partner's sites and their links. A page's read replaces its row and all its links in one
// transaction, so a crash mid-scan leaves every page either as it was or as newly read, never half of each; pages
// leave only when their site stops listing them (after a complete listing) or answer 404/410.

import { type LinkKeys, MATCH_KINDS, type MatchKind } from '../../../pages/links/match-keys.js';
import type { Db } from '../open.js';

export interface MatchedProduct {
  id: number;
  price: number | null;
  currency: string | null;
}

export interface ScannedLink {
  href: string;
  text: string;
  keys: LinkKeys;
  product: MatchedProduct | null;
  match: MatchKind | null;
}

export interface PageRead {
  /** the address the site listed */
  url: string;
  finalUrl: string;
  title: string;
  status: number;
  etag: string | null;
  lastModified: string | null;
  lastmod: string | null;
  links: ScannedLink[];
}

export interface StoredPage {
  id: number;
  siteId: string;
  etag: string | null;
  lastModified: string | null;
  lastmod: string | null;
  /** the last read got the content (so a lastmod that did not move means nothing changed) */
  readOk: boolean;
}

type PageRow = Omit<PageRead, 'links'> & { siteId: string; at: number };

/** The number stored for a match kind: its place in the order the matcher tries them (1 = link). */
export const matchNumber = (match: MatchKind | null) => (match === null ? null : MATCH_KINDS.indexOf(match) + 1);

export class PageTable {
  private readonly byUrlStatement;
  private readonly upsertStatement;
  private readonly deleteLinksStatement;
  private readonly insertLinkStatement;
  private readonly listedStatement;
  private readonly failedStatement;
  private readonly insertFailedStatement;
  private readonly deletePageStatement;
  private readonly unlistedLinksStatement;
  private readonly unlistedPagesStatement;
  private readonly urlsOfStatement;
  private readonly linkCountsStatement;
  private readonly writeTransaction;

  constructor(private readonly db: Db) {
    this.byUrlStatement = db.prepare<
      [string],
      {
        id: number;
        site_id: string;
        etag: string | null;
        last_modified: string | null;
        lastmod: string | null;
        status: number;
        problem: string | null;
      }
    >('SELECT id, site_id, etag, last_modified, lastmod, status, problem FROM pages WHERE url = ?');
    this.upsertStatement = db
      .prepare<[PageRow], number>(
        `INSERT INTO pages (site_id, url, final_url, title, status, problem, etag, last_modified, lastmod, scanned_at, listed_at)
         VALUES (@siteId, @url, @finalUrl, @title, @status, NULL, @etag, @lastModified, @lastmod, @at, @at)
         ON CONFLICT (url) DO UPDATE SET final_url = @finalUrl, title = @title, status = @status, problem = NULL,
           etag = @etag, last_modified = @lastModified, lastmod = @lastmod, scanned_at = @at, listed_at = @at
         RETURNING id`,
      )
      .pluck();
    this.deleteLinksStatement = db.prepare('DELETE FROM links WHERE page_id = ?');
    this.insertLinkStatement = db.prepare(
      `INSERT INTO links (page_id, href, text, tracked, link_key, sku_key, dest_key, product_id, match, price, currency)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.listedStatement = db.prepare(
      'UPDATE pages SET listed_at = ?, lastmod = coalesce(?, lastmod), status = 200, problem = NULL WHERE id = ?',
    );
    this.failedStatement = db.prepare('UPDATE pages SET listed_at = ?, status = ?, problem = ? WHERE id = ?');
    this.insertFailedStatement = db.prepare(
      'INSERT INTO pages (site_id, url, status, problem, listed_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.deletePageStatement = db.prepare('DELETE FROM pages WHERE id = ?');
    this.unlistedLinksStatement = db.prepare(
      'DELETE FROM links WHERE page_id IN (SELECT id FROM pages WHERE site_id = ? AND listed_at < ?)',
    );
    this.unlistedPagesStatement = db.prepare('DELETE FROM pages WHERE site_id = ? AND listed_at < ?');
    this.urlsOfStatement = db.prepare<[string], { url: string; lastmod: string | null }>(
      'SELECT url, lastmod FROM pages WHERE site_id = ? ORDER BY id',
    );
    this.linkCountsStatement = db.prepare<[number], { links: number; matched: number }>(
      'SELECT count(*) AS links, count(product_id) AS matched FROM links WHERE page_id = ?',
    );
    this.writeTransaction = db.transaction((siteId: string, read: PageRead, at: number) => {
      const { links: _links, ...page } = read;
      const id = this.upsertStatement.get({ ...page, siteId, at }) as number;
      this.deleteLinksStatement.run(id);
      for (const link of read.links) {
        this.insertLinkStatement.run(
          id,
          link.href,
          link.text,
          link.keys.tracked ? 1 : 0,
          link.keys.link,
          link.keys.sku,
          link.keys.destination,
          link.product?.id ?? null,
          matchNumber(link.match),
          link.product?.price ?? null,
          link.product?.currency ?? null,
        );
      }
    });
  }

  byUrl(url: string): StoredPage | undefined {
    const row = this.byUrlStatement.get(url);
    if (!row) return undefined;
    const readOk = row.status >= 200 && row.status < 300 && row.problem === null;
    return {
      id: row.id,
      siteId: row.site_id,
      etag: row.etag,
      lastModified: row.last_modified,
      lastmod: row.lastmod,
      readOk,
    };
  }

  /** The page was read: its row and every link replaced at once. */
  write(siteId: string, read: PageRead, at: number): void {
    this.writeTransaction(siteId, read, at);
  }

  /** Listed again, and unchanged (304, or a lastmod that did not move): its links stay as they are. */
  unchanged(id: number, lastmod: string | null, at: number): void {
    this.listedStatement.run(at, lastmod, id);
  }

  /** Listed, but could not be read this time: what was read before stays, with the reason. */
  failed(siteId: string, url: string, status: number, problem: string, at: number): void {
    const page = this.byUrlStatement.get(url);
    if (page) this.failedStatement.run(at, status, problem, page.id);
    else this.insertFailedStatement.run(siteId, url, status, problem, at);
  }

  /** 404 or 410: the page and its links leave the index. */
  remove(id: number): void {
    this.db.transaction(() => {
      this.deleteLinksStatement.run(id);
      this.deletePageStatement.run(id);
    })();
  }

  /** After a complete listing: the site's pages it no longer lists leave the index. Returns how many. */
  removeUnlisted(siteId: string, listedSince: number): number {
    return this.db.transaction(() => {
      this.unlistedLinksStatement.run(siteId, listedSince);
      return this.unlistedPagesStatement.run(siteId, listedSince).changes;
    })();
  }

  linkCounts(id: number): { links: number; matched: number } {
    return this.linkCountsStatement.get(id) ?? { links: 0, matched: 0 };
  }

  /** Every page of a site (a feed lists only its newest articles: the older ones are read again too). */
  pagesOf(siteId: string): { url: string; lastmod: string | null }[] {
    return this.urlsOfStatement.all(siteId);
  }
}
