// The read side of the link index for the UI API: the Pages list (attention first), one page's links, the pages that
// link to a product, and what each named product is now.
import { PAGE_MATCHES } from '../../../../../shared/contract/enums.js';
import type {
  LinkedPages,
  PageItem,
  PageLinksPage,
  PageProduct,
  PageRef,
  PagesPage,
} from '../../../../../shared/contract/pages.js';
import { textMatcher } from '../../../../../shared/domain/feed-search.js';
import { type Db, statement } from '../open.js';
import { fromRow, type ProductRow, publicState } from '../products.js';
import type { AttentionIndex } from './attention.js';

export const PAGES_PER_LINE_MAX = 5;

interface PageRow {
  id: number;
  url: string;
  final_url: string | null;
  title: string;
  scanned_at: number | null;
  status: number;
  problem: string | null;
}

export interface PagesListQuery {
  attention: boolean;
  q: string;
  cursor: number;
  limit: number;
  detail: boolean;
}

const refOf = (row: { url: string; final_url: string | null; title: string }): PageRef => ({
  url: row.final_url ?? row.url,
  title: row.title || (row.final_url ?? row.url),
});

export class PagesQuery {
  constructor(
    private readonly db: Db,
    private readonly attention: AttentionIndex,
  ) {}

  /** Pages that need attention first (most reasons first), then the rest, each group by title. */
  list(query: PagesListQuery, version: string): PagesPage {
    const attention = this.attention.byPage(version);
    const matches = query.q ? textMatcher(query.q) : null;
    const rows = statement<[], PageRow>(
      this.db,
      'SELECT id, url, final_url, title, scanned_at, status, problem FROM pages',
    ).all();
    const chosen = rows.filter(
      (row) =>
        (!query.attention || attention.has(row.id)) && (!matches || matches([row.title, row.final_url ?? row.url])),
    );
    const weight = (row: PageRow) => attention.get(row.id)?.length ?? 0;
    chosen.sort((a, b) => weight(b) - weight(a) || a.title.localeCompare(b.title) || a.id - b.id);
    const slice = chosen.slice(query.cursor, query.cursor + query.limit);
    const counts = this.linkCounts(slice.map((row) => row.id));
    const items = slice.map((row): PageItem => {
      const item: PageItem = {
        ...refOf(row),
        scannedAt: row.scanned_at === null ? null : new Date(row.scanned_at).toISOString(),
        status: row.status,
        links: counts.get(row.id)?.links ?? 0,
        matched: counts.get(row.id)?.matched ?? 0,
        attention: attention.get(row.id) ?? [],
      };
      if (query.detail) item.problem = row.problem;
      return item;
    });
    const end = query.cursor + slice.length;
    const page: PagesPage = { items, next: end < chosen.length ? String(end) : null };
    if (query.detail) page.products = this.products(items.flatMap((item) => item.attention.map((a) => a.productKey)));
    return page;
  }

  /** One page's links in page order (the page by its final address, or the one its site listed); null: unknown. */
  links(url: string, detail: boolean): PageLinksPage | null {
    const page = statement<[{ url: string }], { id: number }>(
      this.db,
      'SELECT id FROM pages WHERE final_url = @url OR url = @url ORDER BY final_url = @url DESC LIMIT 1',
    ).get({ url });
    if (!page) return null;
    const rows = statement<
      [number],
      { href: string; text: string; match: number | null; price: number | null; key: string | null }
    >(
      this.db,
      `SELECT l.href, l.text, l.match, l.price, p.key FROM links l LEFT JOIN products p ON p.id = l.product_id
       WHERE l.page_id = ? ORDER BY l.id`,
    ).all(page.id);
    const items = rows.map((row) => {
      const item: PageLinksPage['items'][number] = {
        href: row.href,
        text: row.text,
        productKey: row.key,
        match: row.match === null ? null : (PAGE_MATCHES[row.match - 1] ?? null),
      };
      if (detail) item.priceWhenScanned = row.key === null ? null : row.price;
      return item;
    });
    const result: PageLinksPage = { items };
    if (detail) result.products = this.products(items.flatMap((item) => (item.productKey ? [item.productKey] : [])));
    return result;
  }

  /** The pages that link to a product (by key): how many, and the first `limit` by title. */
  linkingTo(key: string, limit = PAGES_PER_LINE_MAX): LinkedPages {
    const rows = statement<[string, number], { url: string; final_url: string | null; title: string; total: number }>(
      this.db,
      `SELECT pg.url, pg.final_url, pg.title, count(*) OVER () AS total FROM pages pg
       WHERE pg.id IN (SELECT l.page_id FROM links l JOIN products p ON p.id = l.product_id WHERE p.key = ?)
       ORDER BY pg.title, pg.id LIMIT ?`,
    ).all(key, limit);
    return { count: rows[0]?.total ?? 0, items: rows.map(refOf) };
  }

  /** What the Pages view shows of each product named. */
  products(keys: string[]): Record<string, PageProduct> {
    const unique = [...new Set(keys)];
    if (unique.length === 0) return {};
    const rows = statement<[string], ProductRow>(
      this.db,
      'SELECT * FROM products WHERE key IN (SELECT value FROM json_each(?))',
    ).all(JSON.stringify(unique));
    const products: Record<string, PageProduct> = {};
    for (const row of rows) {
      const product = publicState(fromRow(row));
      products[product.key] = {
        key: product.key,
        name: product.name,
        stockAvailability: product.stockAvailability,
        removed: product.removed,
        currentPrice: product.currentPrice,
        currency: product.currency,
      };
    }
    return products;
  }

  private linkCounts(ids: number[]): Map<number, { links: number; matched: number }> {
    const rows = statement<[string], { page_id: number; links: number; matched: number }>(
      this.db,
      `SELECT page_id, count(*) AS links, count(product_id) AS matched FROM links
       WHERE page_id IN (SELECT value FROM json_each(?)) GROUP BY page_id`,
    ).all(JSON.stringify(ids));
    return new Map(rows.map((row) => [row.page_id, row]));
  }
}
