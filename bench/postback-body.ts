// The postbacks the bench sends and seeds: impact.com's JSON template with every field, about 400 bytes each.
// Names mix a few brands and product kinds so a search term matches a realistic slice of the feed.

const BRANDS = ['Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Litware', 'Adatum', 'Proseware', 'Wingtip'];
const KINDS = ['Trail Runner', 'Rain Jacket', 'Espresso Maker', 'Desk Lamp', 'Backpack', 'Headphones', 'Kettle'];

/** A search term that matches one product kind in seven. */
export const SEARCH_TERM = 'espresso';
export const BENCH_CATALOG = '4242';

export interface BodyOptions {
  itemId: string;
  /** picks the name, price and stock deterministically */
  n: number;
  operation?: 'Insert' | 'Update';
  price?: number;
}

export function basePrice(n: number): number {
  return 20 + (n % 100);
}

export function postbackBody({ itemId, n, operation = 'Insert', price = basePrice(n) }: BodyOptions): string {
  const brand = BRANDS[n % BRANDS.length];
  const kind = KINDS[Math.floor(n / BRANDS.length) % KINDS.length];
  const slug = itemId.toLowerCase();
  return JSON.stringify({
    Operation: operation,
    CatalogId: BENCH_CATALOG,
    CampaignId: '11235',
    CatalogItemId: itemId,
    Name: `${brand} ${kind} ${n % 50}, lightweight everyday edition`,
    Url: `https://shop.example.com/products/${slug}?utm_source=impact`,
    ImageUrl: `https://cdn.example.com/img/${slug}/main.jpg`,
    CurrentPrice: price.toFixed(2),
    OriginalPrice: (basePrice(n) * 1.25).toFixed(2),
    Currency: 'USD',
    StockAvailability: n % 9 === 0 ? 'OutOfStock' : 'InStock',
    Inventory: String(n % 9 === 0 ? 0 : 5 + (n % 40)),
  });
}

/** Unique item ids for one load run: the prefix keeps runs apart, the counter keeps requests apart. */
export function uniqueBodies(prefix: string): () => string {
  let n = 0;
  return () => {
    n++;
    return postbackBody({ itemId: `${prefix}-${n}`, n });
  };
}
