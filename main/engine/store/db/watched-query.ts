// The products some watch covers, asked of the database in one statement (an item, a catalog, a brand's program,
// or the products the partner's pages link to).
import type { Db } from './open.js';

export interface WatchedTargets {
  itemKeys: Iterable<string>;
  catalogIds: Iterable<string>;
  campaignIds: Iterable<string>;
  /** whether a watch is on what the pages link to */
  linkedFromPages: boolean;
}

export class WatchedQuery {
  private readonly statement;

  constructor(db: Db) {
    this.statement = db
      .prepare<[string, string, string, number], number>(
        `SELECT id FROM products WHERE key IN (SELECT value FROM json_each(?))
         UNION SELECT id FROM products WHERE catalog_id IN (SELECT value FROM json_each(?))
         UNION SELECT id FROM products WHERE campaign_id IN (SELECT value FROM json_each(?))
         UNION SELECT p.id FROM linked_products l JOIN products p ON p.key = l.key WHERE ?`,
      )
      .pluck();
  }

  ids(targets: WatchedTargets): number[] {
    const list = (values: Iterable<string>) => JSON.stringify([...values]);
    const { itemKeys, catalogIds, campaignIds, linkedFromPages } = targets;
    return this.statement.all(list(itemKeys), list(catalogIds), list(campaignIds), linkedFromPages ? 1 : 0);
  }
}
