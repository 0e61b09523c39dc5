// The postbacks the bench sends and seeds: impact.com's JSON template with every field, about 400 bytes each.
// Names mix a few brands, product kinds and model numbers, so search terms match realistic slices of the catalog.

const BRANDS = ['Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Litware', 'Adatum', 'Proseware', 'Wingtip'];
const KINDS = ['Trail Runner', 'Rain Jacket', 'Espresso Maker', 'Desk Lamp', 'Backpack', 'Headphones', 'Kettle'];

/** Feed searches: a brand + kind + model (about 1 product in 1,400) and a word in 3 names of 4. */
export const SEARCH_TERMS = { selective: 'northwind kettle 16', broad: 'everyday' } as const;
export const BENCH_CATALOG = '4242';
export const BENCH_CAMPAIGN = '11235';

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

/** The body's fields, as impact.com names them (all strings). */
export function postbackFields({ itemId, n, operation = 'Insert', price = basePrice(n) }: BodyOptions) {
  const brand = BRANDS[n % BRANDS.length];
  const kind = KINDS[Math.floor(n / BRANDS.length) % KINDS.length];
  const edition = n % 4 === 0 ? 'travel edition' : 'lightweight everyday edition';
  const slug = itemId.toLowerCase();
  const outOfStock = n % 9 === 0;
  return {
    Operation: operation,
    CatalogId: BENCH_CATALOG,
    CampaignId: BENCH_CAMPAIGN,
    CatalogItemId: itemId,
    Name: `${brand} ${kind} ${n % 50}, ${edition}`,
    Url: `https://shop.example.com/products/${slug}?utm_source=impact`,
    ImageUrl: `https://cdn.example.com/img/${slug}/main.jpg`,
    CurrentPrice: price.toFixed(2),
    OriginalPrice: (basePrice(n) * 1.25).toFixed(2),
    Currency: 'USD',
    StockAvailability: outOfStock ? 'OutOfStock' : 'InStock',
    Inventory: String(outOfStock ? 0 : 5 + (n % 40)),
  };
}

export function postbackBody(options: BodyOptions): string {
  return JSON.stringify(postbackFields(options));
}

/** Unique item ids for one load run: the prefix keeps runs apart, the counter keeps requests apart. */
export function uniqueBodies(prefix: string): () => string {
  let n = 0;
  return () => {
    n++;
    return postbackBody({ itemId: `${prefix}-${n}`, n });
  };
}
