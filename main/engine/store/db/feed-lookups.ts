// The reads a feed page is assembled from (store/feed-page.ts): search candidates, the words and totals of a set
// of products, the entries at given positions joined with their products, and what follows a position.
import type { FeedRow } from './feed.js';
import type { Db } from './open.js';
import type { fromRow } from './products.js';

export type JoinedRow = FeedRow & Parameters<typeof fromRow>[0];

export interface ProductWords {
  id: number;
  name: string | null;
  item_id: string;
  catalog_id: string;
}

export class FeedLookups {
  private readonly searchStatement;
  private readonly wordsStatement;
  private readonly totalsStatement;
  private readonly entriesStatement;
  private readonly afterStatement;

  constructor(db: Db) {
    this.searchStatement = db
      .prepare<[string, number], number>('SELECT rowid FROM product_search WHERE product_search MATCH ? LIMIT ?')
      .pluck();
    this.wordsStatement = db.prepare<[string], ProductWords>(
      'SELECT id, name, item_id, catalog_id FROM products WHERE id IN (SELECT value FROM json_each(?))',
    );
    this.totalsStatement = db.prepare<[string], { entries: number | null; alerts: number | null }>(
      'SELECT sum(feed_entries) AS entries, sum(feed_alerts) AS alerts FROM products WHERE id IN (SELECT value FROM json_each(?))',
    );
    this.entriesStatement = db.prepare<[string], JoinedRow>(
      `SELECT f.pos, f.product_id, f.at, f.operation, f.unknown_operation, f.flags, f.changes, f.alerts, p.*
       FROM feed f JOIN products p ON p.id = f.product_id
       WHERE f.pos IN (SELECT value FROM json_each(?)) ORDER BY f.pos DESC`,
    );
    this.afterStatement = db
      .prepare<[number, number], number>('SELECT pos FROM feed WHERE pos > ? ORDER BY pos LIMIT ?')
      .pluck();
  }

  /** Ids of products the full-text index matches (`match` in FTS syntax), up to `limit`. */
  searchCandidates(match: string, limit: number): number[] {
    return this.searchStatement.all(match, limit);
  }

  /** The words of these products that a search is tested against. */
  productWords(ids: readonly number[]): ProductWords[] {
    return this.wordsStatement.all(JSON.stringify(ids));
  }

  /** Entries, and entries with alerts, of these products together. */
  productTotals(ids: readonly number[]): { entries: number; alerts: number } {
    const row = this.totalsStatement.get(JSON.stringify(ids));
    return { entries: row?.entries ?? 0, alerts: row?.alerts ?? 0 };
  }

  /** The feed rows at these positions with their products, newest first. */
  entriesAt(positions: readonly number[]): JoinedRow[] {
    return this.entriesStatement.all(JSON.stringify(positions));
  }

  /** Up to `limit` positions after `pos`, oldest first. */
  positionsAfter(pos: number, limit: number): number[] {
    return this.afterStatement.all(pos, limit);
  }
}
