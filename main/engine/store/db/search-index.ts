// The feed search's index (schema.ts: product_search): the words of every product the feed mentions, and of no
// other. The feed adds a product with its first entry and drops it with its last; a product in the feed that is
// renamed has its words replaced. An item known only by its removal (a ghost) is no product and is not searched
// until its first real postback.
import type { Db } from './open.js';

export class SearchIndex {
  private readonly putStatement;
  private readonly dropStatement;

  constructor(db: Db) {
    this.putStatement = db.prepare('INSERT OR REPLACE INTO product_search (rowid, name, item_id) VALUES (?, ?, ?)');
    this.dropStatement = db.prepare('DELETE FROM product_search WHERE rowid = ?');
  }

  put(productId: number, name: string | null, itemId: string): void {
    this.putStatement.run(productId, name ?? '', itemId);
  }

  drop(productId: number): void {
    this.dropStatement.run(productId);
  }
}
