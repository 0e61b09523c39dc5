// What the naive design (B) keeps: lowdb's plain JSON, one object per product and per feed entry. Shared by the
// naive server and the seeder, so a seeded naive store has exactly the shape the server writes.

export interface NaiveData {
  products: Record<string, Record<string, string>>;
  feed: {
    id: string;
    at: string;
    key: string;
    operation: string;
    changes: { field: string; from: unknown; to: unknown }[];
  }[];
}

export function emptyNaiveData(): NaiveData {
  return { products: {}, feed: [] };
}

/** Stores one postback body: the product's latest fields and a feed entry with what changed. */
export function recordNaively(data: NaiveData, body: Record<string, string>, at: string): void {
  const key = `${body.CatalogId}:${body.CatalogItemId}`;
  const previous = data.products[key];
  const changes = Object.entries(body)
    .filter(([field, value]) => previous?.[field] !== value)
    .map(([field, to]) => ({ field, from: previous?.[field] ?? null, to }));
  data.products[key] = { ...body, key, updatedAt: at };
  data.feed.push({
    id: String(data.feed.length + 1),
    at,
    key,
    operation: body.Operation ?? 'Update',
    changes: previous ? changes : [],
  });
}
