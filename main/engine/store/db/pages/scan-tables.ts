// The tables the page scanner writes, over a connection of its own (openSideWriter: a small page cache, so reading
// a 10,000-page site neither evicts the products from the engine's cache nor grows it).
import { type Db, openSideWriter } from '../open.js';
import { LinkedProducts } from './linked-products.js';
import { PageTable } from './page-table.js';
import { ProductKeyTable } from './product-keys.js';
import { SiteTable } from './site-table.js';

export interface PageTables {
  pages: PageTable;
  sites: SiteTable;
  keys: ProductKeyTable;
}

export class ScanTables implements PageTables {
  readonly pages: PageTable;
  readonly sites: SiteTable;
  readonly keys: ProductKeyTable;
  /** what the links lead to now, against what the journal recorded (read over all links: here, not in the cache) */
  readonly linked: LinkedProducts;
  private readonly db: Db;

  /** `file`: the engine's store.db; `keysEnabled`: whether products keep matcher keys (there are sites). */
  constructor(file: string, keysEnabled: boolean) {
    this.db = openSideWriter(file);
    this.pages = new PageTable(this.db);
    this.sites = new SiteTable(this.db);
    this.keys = new ProductKeyTable(this.db, keysEnabled);
    this.linked = new LinkedProducts(this.db);
  }

  close(): void {
    this.db.close();
  }
}
