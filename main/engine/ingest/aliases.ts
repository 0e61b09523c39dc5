// Which incoming key means which canonical field. Partners name their template keys freely, so keys are compared
// "folded" (lower-case, letters and digits only) and looked up in a built-in table, after the user's own mapping.

import { CANONICAL_FIELDS, type CanonicalField } from '../../../shared/contract/enums.js';

export { CANONICAL_FIELDS, type CanonicalField };

/**
 * Built-in spellings, most specific first: when several keys of one postback map to the same field, the one listed
 * earlier here is used. Deliberately absent:
 * - `type` (operation): usually a product type or content type, never impact.com's {Operation}.
 * - `brand`, `manufacturer` (campaignId): a brand *name*, not the numeric program id.
 * - `product` (catalogItemId): as often a product name as an id.
 * `id` is the weakest catalogItemId alias: used only when no other key names the item (a flat `{"id": ...}`
 * template); a nested `{"catalog": {"id": ...}}` is read through its dotted path `catalog.id` → catalogId first.
 */
const BUILT_IN_ALIASES: Record<CanonicalField, readonly string[]> = {
  operation: ['operation', 'op', 'change', 'changetype', 'event', 'eventtype', 'action'],
  catalogId: ['catalogid', 'catalog', 'catalognumber', 'catalogidentifier'],
  campaignId: ['campaignid', 'campaign', 'programid', 'program', 'advertiserid'],
  catalogItemId: ['catalogitemid', 'itemid', 'item', 'sku', 'productid', 'productsku', 'itemsku', 'articleid', 'id'],
  name: ['name', 'itemname', 'productname', 'title', 'producttitle', 'itemtitle'],
  url: ['url', 'link', 'producturl', 'productlink', 'itemurl', 'trackinglink', 'trackingurl', 'deeplink', 'clickurl'],
  imageUrl: ['imageurl', 'image', 'imagelink', 'img', 'imgurl', 'picture', 'thumbnail', 'productimage'],
  currentPrice: ['currentprice', 'price', 'saleprice', 'nowprice', 'offerprice', 'productprice', 'itemprice'],
  originalPrice: ['originalprice', 'was', 'wasprice', 'listprice', 'regularprice', 'retailprice', 'msrp', 'rrp'],
  currency: ['currency', 'cur', 'curr', 'currencycode', 'pricecurrency'],
  stockAvailability: ['stockavailability', 'stock', 'availability', 'stockstatus', 'instock', 'available'],
  inventory: ['inventory', 'qty', 'quantity', 'stocklevel', 'stockqty', 'stockquantity', 'inventorycount', 'onhand'],
};

/** "Catalog Item Id", "catalog_item_id", "CatalogItemId" → "catalogitemid". Letters of any script count. */
export function foldKey(key: string): string {
  return key.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

export interface Resolution {
  field: CanonicalField;
  /** lower is stronger: -1 for the user's mapping, else the position in the built-in list */
  rank: number;
}

const BUILT_IN: ReadonlyMap<string, Resolution> = new Map(
  CANONICAL_FIELDS.flatMap((field) =>
    BUILT_IN_ALIASES[field].map((alias, rank): [string, Resolution] => [alias, { field, rank }]),
  ),
);

const CANONICAL_BY_FOLDED: ReadonlyMap<string, CanonicalField> = new Map(
  CANONICAL_FIELDS.map((field) => [foldKey(field), field]),
);

/**
 * A resolver for one mapping. The user's mapping (incoming key → canonical field, both compared folded) wins over the
 * built-ins; mapping a key to anything that is not a canonical field (e.g. "" or "ignore") switches that key off.
 */
export function createResolver(mapping: Record<string, string>): (key: string) => Resolution | null {
  const user = new Map<string, CanonicalField | null>();
  for (const [incoming, target] of Object.entries(mapping ?? {})) {
    if (typeof target !== 'string') continue;
    user.set(foldKey(incoming), CANONICAL_BY_FOLDED.get(foldKey(target)) ?? null);
  }
  return (key) => {
    const folded = foldKey(key);
    if (user.has(folded)) {
      const field = user.get(folded);
      return field ? { field, rank: -1 } : null;
    }
    return BUILT_IN.get(folded) ?? null;
  };
}

export function resolveField(key: string, mapping: Record<string, string>): CanonicalField | null {
  return createResolver(mapping)(key)?.field ?? null;
}
