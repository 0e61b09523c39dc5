// The link index in store.db, as the engine uses it: sites, the pages read from them and their links, each product's
// matcher keys, the journaled set of linked products, and the queries the UI asks.
import type { ProductState } from '../../../../../shared/contract/product.js';
import type { Db } from '../open.js';
import type { TransactionParticipant } from '../unit-of-work.js';
import { AttentionIndex } from './attention.js';
import { LinkedProducts } from './linked-products.js';
import { PageTable } from './page-table.js';
import { PagesQuery } from './pages-query.js';
import { ProductKeyTable } from './product-keys.js';
import { SiteTable, type StoredSite } from './site-table.js';

export class PageIndex implements TransactionParticipant {
  readonly sites: SiteTable;
  readonly pages: PageTable;
  readonly keys: ProductKeyTable;
  readonly linked: LinkedProducts;
  readonly query: PagesQuery;
  private changes = 0;

  constructor(db: Db) {
    this.sites = new SiteTable(db);
    this.pages = new PageTable(db);
    this.keys = new ProductKeyTable(db, this.sites.count() > 0);
    this.linked = new LinkedProducts(db);
    this.query = new PagesQuery(db, new AttentionIndex(db));
  }

  /** Applying addSite (in the command's transaction): from the first site on, products keep matcher keys. */
  addSite(site: StoredSite): void {
    this.sites.add(site);
    this.keys.setEnabled(true);
    this.changes++;
  }

  /** Applying deleteSite: the site, its pages and links; with the last site, the products' keys too. */
  deleteSite(id: string): void {
    this.sites.delete(id);
    this.keys.setEnabled(this.sites.count() > 0);
    this.changes++;
  }

  /** counts writes to these tables: with the applied sequence it tells whether cached answers still hold */
  get writes(): number {
    return this.changes;
  }

  /** The page scanner wrote pages and links (outside any journal record). */
  scanned(): void {
    this.changes++;
  }

  /** A transaction failed: whether products keep matcher keys follows the sites that stayed. */
  rolledBack(): void {
    this.keys.reloaded(this.sites.count() > 0);
  }

  /** A product was saved (applying a postback or check) with a new Url or program, or for the first time. */
  productChanged(id: number, product: ProductState): void {
    if (!this.keys.enabled) return;
    this.keys.productChanged(id, product);
    this.changes++;
  }
}
