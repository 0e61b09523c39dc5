import { describe, expect, it } from 'vitest';
import { CANONICAL_FIELDS, foldKey, resolveField } from '../../../main/engine/ingest/index.js';

describe('foldKey', () => {
  it('ignores case and every non-alphanumeric character', () => {
    for (const key of ['CatalogItemId', 'catalog_item_id', 'catalogItemId', 'Catalog Item Id', 'catalog-item-id']) {
      expect(foldKey(key)).toBe('catalogitemid');
    }
    expect(foldKey('Größe')).toBe('größe');
  });
});

describe('resolveField: built-in aliases', () => {
  const families: Record<string, string[]> = {
    operation: ['Operation', 'op', 'change', 'event', 'action', 'change_type'],
    catalogId: ['CatalogId', 'catalog', 'catalogid', 'catalog_id', 'Catalog ID', 'catalog.id'],
    campaignId: ['CampaignId', 'campaign', 'program', 'programid', 'program_id', 'campaign_id'],
    catalogItemId: ['CatalogItemId', 'item', 'itemid', 'item_id', 'sku', 'productid', 'product_id', 'id', 'item.id'],
    name: ['Name', 'itemname', 'item_name', 'title', 'productname', 'Product Name'],
    url: ['Url', 'link', 'producturl', 'trackinglink', 'tracking_link', 'deeplink'],
    imageUrl: ['ImageUrl', 'image', 'imagelink', 'img', 'image_url'],
    currentPrice: ['CurrentPrice', 'price', 'currentprice', 'current_price', 'saleprice', 'sale_price'],
    originalPrice: ['OriginalPrice', 'was', 'originalprice', 'original_price', 'listprice', 'regularprice', 'msrp'],
    currency: ['Currency', 'cur', 'currencycode', 'currency_code'],
    stockAvailability: ['StockAvailability', 'stock', 'availability', 'stockstatus', 'stock_status', 'instock'],
    inventory: ['Inventory', 'qty', 'quantity', 'inventory', 'stocklevel', 'stock_qty'],
  };

  it('has a family for every canonical field', () => {
    expect(Object.keys(families).sort()).toEqual([...CANONICAL_FIELDS].sort());
  });

  for (const [field, keys] of Object.entries(families)) {
    it.each(keys)(`%s → ${field}`, (key) => {
      expect(resolveField(key, {})).toBe(field);
    });
  }

  it.each(['type', 'brand', 'manufacturer', 'description', 'product', 'gtin', '', '   ', '__proto__', 'constructor'])(
    'leaves the ambiguous or unknown key %j unmapped',
    (key) => {
      expect(resolveField(key, {})).toBeNull();
    },
  );
});

describe('resolveField: user mapping', () => {
  it('maps keys the built-ins do not know, folded on both sides', () => {
    const mapping = { Artikel: 'catalogItemId', preis: 'current_price', 'Katalog Nr': 'CATALOGID' };
    expect(resolveField('artikel', mapping)).toBe('catalogItemId');
    expect(resolveField('PREIS', mapping)).toBe('currentPrice');
    expect(resolveField('katalog_nr', mapping)).toBe('catalogId');
  });

  it('wins over a built-in alias', () => {
    expect(resolveField('price', { price: 'originalPrice' })).toBe('originalPrice');
    expect(resolveField('price', {})).toBe('currentPrice');
  });

  it('switches a key off when mapped to something that is not a canonical field', () => {
    expect(resolveField('id', { id: '' })).toBeNull();
    expect(resolveField('id', { id: 'ignore' })).toBeNull();
  });
});
