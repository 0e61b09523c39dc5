// A flat record (any key names) → a ProductSnapshot, a test postback, or a reason it cannot be used.

import type { StockAvailability } from '../../../shared/contract/enums.js';
import type { ProductSnapshot } from '../../../shared/contract/product.js';
import { normalizeCurrency, parsePrice } from '../../../shared/domain/money.js';
import { parseStock } from '../../../shared/domain/stock.js';
import { createResolver } from './aliases.js';
import { type Candidates, gatherCandidates } from './candidates.js';
import { cleanText, cleanUrl, MAX_NAME_LENGTH, parseCount, parseDigits } from './clean-values.js';
import { readIdentity } from './identity.js';
import { parseOperation } from './operation.js';

export type NormalizeResult =
  | { kind: 'snapshot'; snapshot: ProductSnapshot }
  | { kind: 'test' }
  | { kind: 'unusable'; reason: string };

export function normalize(fields: Record<string, string>, mapping: Record<string, string>): NormalizeResult {
  const candidates = gatherCandidates(fields, mapping);
  const identity = readIdentity(candidates, Object.keys(fields));
  if (identity.kind !== 'found') return identity;

  const operation = parseOperation(candidates.pick('operation', (v) => v));
  const snapshot: ProductSnapshot = {
    operation: operation.operation,
    catalogId: identity.catalogId,
    catalogItemId: identity.catalogItemId,
  };
  if (operation.unknown !== undefined) snapshot.unknownOperation = operation.unknown;
  const set = <K extends keyof ProductSnapshot>(key: K, value: ProductSnapshot[K] | undefined) => {
    if (value !== undefined) snapshot[key] = value;
  };
  set('campaignId', candidates.pick('campaignId', parseDigits));
  set(
    'name',
    candidates.pick('name', (v) => cleanText(v, MAX_NAME_LENGTH)),
  );
  set('url', candidates.pick('url', cleanUrl));
  set('imageUrl', candidates.pick('imageUrl', cleanUrl));

  const current = candidates.pick('currentPrice', parsePrice);
  const original = candidates.pick('originalPrice', parsePrice);
  set('currentPrice', current?.amount);
  set('originalPrice', original?.amount);
  // The explicit Currency field wins; a symbol or code written in a price ("$", "EUR 89,90") is the fallback.
  set('currency', candidates.pick('currency', normalizeCurrency) ?? current?.currency ?? original?.currency);

  const { stock, inventory } = readStock(candidates);
  set('stockAvailability', stock);
  set('inventory', inventory);
  return { kind: 'snapshot', snapshot };
}

/**
 * A stock field holding a number ("stock": "12") is a count, not a status. With no usable status, a count decides:
 * 0 is out of stock, more is in stock.
 */
function readStock(candidates: Candidates): { stock?: StockAvailability; inventory?: number } {
  let inventory = candidates.pick('inventory', parseCount);
  const stockText = candidates.pick('stockAvailability', (v) => v);
  let stock: StockAvailability | undefined;
  if (stockText !== undefined) {
    const count = parseCount(stockText);
    if (count !== undefined) inventory ??= count;
    else stock = parseStock(stockText);
  }
  if ((stock === undefined || stock === 'Unknown') && inventory !== undefined) {
    stock = inventory > 0 ? 'InStock' : 'OutOfStock';
  }
  return stock === undefined ? { inventory } : { stock, inventory };
}

/** Which canonical field each incoming key maps to (null: ignored), for the mapping screen. */
export function previewMapping(
  fields: Record<string, string>,
  mapping: Record<string, string>,
): Record<string, string | null> {
  const resolve = createResolver(mapping);
  // fromEntries defines own properties, so even a "__proto__" key from an API caller stays a plain entry.
  return Object.fromEntries(Object.keys(fields).map((key) => [key, resolve(key)?.field ?? null]));
}
