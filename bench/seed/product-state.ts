// A seeded product's state and history points, built straight from the postback fields the bench sends: what the
// engine's ingest (parse → normalize → applySnapshot) makes of them, without paying ~20 µs a product for it.
// test/bench/seed.test.ts checks the two agree.
import type { StockAvailability } from '../../shared/contract/enums.js';
import type { HistoryPoint, ProductState } from '../../shared/contract/product.js';
import { basePrice, postbackFields } from '../postback-body.js';
import { seedItemId, seedPrice } from './plan.js';

/** Product n as its k-th postback left it, first seen at `firstSeenAt`. */
export function seedState(n: number, k: number, at: string, firstSeenAt: string): ProductState {
  const fields = postbackFields({ itemId: seedItemId(n), n, operation: k === 0 ? 'Insert' : 'Update', price: 0 });
  return {
    key: `${fields.CatalogId}:${fields.CatalogItemId}`,
    catalogId: fields.CatalogId,
    catalogItemId: fields.CatalogItemId,
    stockAvailability: fields.StockAvailability as StockAvailability,
    removed: false,
    firstSeenAt,
    updatedAt: at,
    campaignId: fields.CampaignId,
    name: fields.Name,
    url: fields.Url,
    imageUrl: fields.ImageUrl,
    currentPrice: seedPrice(basePrice(n), k),
    originalPrice: Number(fields.OriginalPrice),
    currency: fields.Currency,
    inventory: Number(fields.Inventory),
  };
}

/** The history point the engine records for a state (ingest's historyPoint). */
export function pointOf(state: ProductState): HistoryPoint {
  return {
    at: state.updatedAt,
    stockAvailability: state.stockAvailability,
    currentPrice: state.currentPrice as number,
    currency: state.currency as string,
    inventory: state.inventory as number,
  };
}

/** The k-th postback of product n, as the receiver journals it. */
export function seedBody(n: number, k: number): string {
  const price = seedPrice(basePrice(n), k);
  return JSON.stringify(postbackFields({ itemId: seedItemId(n), n, operation: k === 0 ? 'Insert' : 'Update', price }));
}
