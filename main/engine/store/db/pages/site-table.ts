// The partner's sites: added and deleted by journaled commands (so a rebuild from the journal has them again), with
// the summary of each one's last finished scan written by the scanner.
import type { ScanSummary, Site, SiteKind } from '../../../../../shared/contract/pages.js';
import type { Db } from '../open.js';

export interface StoredSite {
  id: string;
  url: string;
  kind: SiteKind;
  addedAt: number;
}

interface SiteRow {
  id: string;
  url: string;
  kind: SiteKind;
  added_at: number;
  last_scan: string | null;
  pages: number;
}

export class SiteTable {
  private readonly listStatement;
  private readonly addStatement;
  private readonly deleteStatement;
  private readonly deleteLinksStatement;
  private readonly deletePagesStatement;
  private readonly lastScanStatement;
  private readonly countStatement;
  private readonly totalsStatement;

  constructor(db: Db) {
    this.listStatement = db.prepare<[], SiteRow>(
      `SELECT s.*, (SELECT count(*) FROM pages p WHERE p.site_id = s.id) AS pages
       FROM sites s ORDER BY s.added_at, s.id`,
    );
    this.addStatement = db.prepare('INSERT OR IGNORE INTO sites (id, url, kind, added_at) VALUES (?, ?, ?, ?)');
    this.deleteStatement = db.prepare('DELETE FROM sites WHERE id = ?');
    this.deleteLinksStatement = db.prepare(
      'DELETE FROM links WHERE page_id IN (SELECT id FROM pages WHERE site_id = ?)',
    );
    this.deletePagesStatement = db.prepare('DELETE FROM pages WHERE site_id = ?');
    this.lastScanStatement = db.prepare('UPDATE sites SET last_scan = ? WHERE id = ?');
    this.countStatement = db.prepare<[], number>('SELECT count(*) FROM sites').pluck();
    this.totalsStatement = db.prepare<[{ id: string }], { pages: number; links: number; matched: number }>(
      `SELECT (SELECT count(*) FROM pages WHERE site_id = @id) AS pages, count(*) AS links, count(l.product_id) AS matched
       FROM links l WHERE l.page_id IN (SELECT id FROM pages WHERE site_id = @id)`,
    );
  }

  list(): Site[] {
    return this.listStatement.all().map((row) => ({
      id: row.id,
      url: row.url,
      kind: row.kind,
      pages: row.pages,
      lastScan: row.last_scan ? (JSON.parse(row.last_scan) as ScanSummary) : null,
    }));
  }

  stored(): StoredSite[] {
    return this.listStatement.all().map((row) => ({ id: row.id, url: row.url, kind: row.kind, addedAt: row.added_at }));
  }

  count(): number {
    return this.countStatement.get() ?? 0;
  }

  /** Part of applying an addSite command (inside its transaction). */
  add(site: StoredSite): void {
    this.addStatement.run(site.id, site.url, site.kind, site.addedAt);
  }

  /** Part of applying a deleteSite command: the site and everything read from it. */
  delete(id: string): void {
    this.deleteLinksStatement.run(id);
    this.deletePagesStatement.run(id);
    this.deleteStatement.run(id);
  }

  /** What the index holds of a site now. */
  totals(id: string): { pages: number; links: number; matched: number } {
    return this.totalsStatement.get({ id }) ?? { pages: 0, links: 0, matched: 0 };
  }

  setLastScan(id: string, summary: ScanSummary): void {
    this.lastScanStatement.run(JSON.stringify(summary), id);
  }
}
