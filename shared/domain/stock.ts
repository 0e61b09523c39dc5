// Stock availability words → the canonical values of the domain model.
import type { StockAvailability } from '../contract/enums.js';

/** Folded spellings (lower-case, no spaces, '-' or '_') → canonical value. */
const STOCK_WORDS: Record<string, StockAvailability> = {
  instock: 'InStock',
  available: 'InStock',
  yes: 'InStock',
  true: 'InStock',
  outofstock: 'OutOfStock',
  soldout: 'OutOfStock',
  unavailable: 'OutOfStock',
  discontinued: 'OutOfStock',
  no: 'OutOfStock',
  false: 'OutOfStock',
  backorder: 'BackOrder',
  backordered: 'BackOrder',
  preorder: 'PreOrder',
  limitedavailability: 'LimitedAvailability',
  limitedstock: 'LimitedAvailability',
  limited: 'LimitedAvailability',
  lowstock: 'LimitedAvailability',
  unknown: 'Unknown',
};

export const STOCK_LABELS: Record<StockAvailability, string> = {
  InStock: 'In stock',
  OutOfStock: 'Out of stock',
  BackOrder: 'Back order',
  PreOrder: 'Pre-order',
  LimitedAvailability: 'Limited availability',
  Unknown: 'Unknown',
};

/**
 * Reads impact.com's documented values (`InStock`, `OutofStock` sic, `BackOrder`, `PreOrder`, `LimitedAvailability`)
 * and the usual variants: case, spaces, '-' and '_' are ignored, schema.org URLs (`https://schema.org/InStock`) too.
 * An unrecognized word is 'Unknown' (something was sent); an empty value is undefined (nothing was sent).
 */
export function parseStock(value: string): StockAvailability | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const lastSegment = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  const folded = lastSegment.toLowerCase().replace(/[\s\-_]/g, '');
  return Object.hasOwn(STOCK_WORDS, folded) ? STOCK_WORDS[folded] : 'Unknown';
}

/** Buyable now: 'LimitedAvailability' is in stock, back order and pre-order are not. */
export function isInStock(stock: StockAvailability | undefined): boolean {
  return stock === 'InStock' || stock === 'LimitedAvailability';
}
