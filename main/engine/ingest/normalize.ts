// A flat record (any key names) → a ProductSnapshot, a test postback, or a reason it cannot be used.

import type { StockAvailability } from '../../../shared/contract/enums.js';
import type { ProductSnapshot } from '../../../shared/contract/product.js';
import { normalizeCurrency, parsePrice } from '../../../shared/domain/money.js';
import { isStockWord, parseStock } from '../../../shared/domain/stock.js';
import { createResolver } from './aliases.js';
import { type Candidates, gatherCandidates } from './candidates.js';
import { cleanText, cleanUrl, isMissing, MAX_NAME_LENGTH, parseCount, parseDigits } from './clean-values.js';
import { readIdentity } from './identity.js';
import { parseOperation } from './operation.js';
import { problemReader } from './unreadable.js';

type ProblemReader = ReturnType<typeof problemReader>;

export type NormalizeResult =
  /** problems: values that were sent but could not be read (the rest is applied; see unreadable.ts) */
  | { kind: 'snapshot'; snapshot: ProductSnapshot; problems?: string[] }
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
  const reader = problemReader(candidates);
  set('campaignId', reader.read('campaignId', parseDigits));
  set(
    'name',
    candidates.pick('name', (v) => cleanText(v, MAX_NAME_LENGTH)),
  );
  set('url', reader.read('url', cleanUrl));
  set('imageUrl', reader.read('imageUrl', cleanUrl));

  const current = reader.read('currentPrice', parsePrice);
  const original = reader.read('originalPrice', parsePrice);
  set('currentPrice', current?.amount);
  set('originalPrice', original?.amount);
  // The explicit Currency field wins; a symbol or code written in a price ("$", "EUR 89,90") is the fallback.
  set('currency', reader.read('currency', normalizeCurrency) ?? current?.currency ?? original?.currency);

  const { stock, inventory } = readStock(candidates, reader);
  set('stockAvailability', stock);
  set('inventory', inventory);
  return reader.problems.length > 0
    ? { kind: 'snapshot', snapshot, problems: reader.problems }
    : { kind: 'snapshot', snapshot };
}

/**
 * A stock field holding a number ("stock": "12") is a count, not a status. With no usable status, a count decides:
 * 0 is out of stock, more is in stock.
 */
function readStock(candidates: Candidates, reader: ProblemReader): { stock?: StockAvailability; inventory?: number } {
  let inventory = reader.read('inventory', parseCount);
  const sent = candidates.of('stockAvailability').find((candidate) => !isMissing(candidate.value));
  let stock: StockAvailability | undefined;
  if (sent !== undefined) {
    const count = parseCount(sent.value);
    if (count !== undefined) inventory ??= count;
    else {
      stock = parseStock(sent.value);
      // An unrecognized word still reads as 'Unknown' (something was sent), and the user hears of it.
      if (!isStockWord(sent.value)) reader.report('stockAvailability', sent);
    }
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
