import { describe, expect, it } from 'vitest';
import { normalize, previewMapping } from '../../../main/engine/ingest/index.js';

const ids = { catalog_id: '24836', item_id: 'ACME-TB-12' };

function snap(fields: Record<string, string>, mapping: Record<string, string> = {}) {
  const result = normalize(fields, mapping);
  if (result.kind !== 'snapshot') throw new Error(`expected a snapshot, got ${JSON.stringify(result)}`);
  return result.snapshot;
}

describe('normalize: identity', () => {
  it('keeps the item id exactly as sent (trimmed), never as a number', () => {
    expect(snap({ catalog_id: ' 24836 ', item_id: '  00123  ' })).toEqual({
      operation: 'Update',
      catalogId: '24836',
      catalogItemId: '00123',
    });
    expect(snap({ catalog_id: '1', item_id: '123456789012345678901' }).catalogItemId).toBe('123456789012345678901');
  });

  it('is a test postback when an id is an unreplaced placeholder', () => {
    expect(normalize({ catalog_id: '{CatalogId}', item_id: '{CatalogItemId}', price: '{CurrentPrice}' }, {})).toEqual({
      kind: 'test',
    });
    expect(normalize({ catalog_id: '24836', item_id: '{CatalogItemId}' }, {})).toEqual({ kind: 'test' });
  });

  it('names the missing id and the keys it saw when nothing maps to it', () => {
    const result = normalize({ catalog_id: '24836', item_no: 'A', preis: '1' }, {});
    expect(result).toEqual({
      kind: 'unusable',
      reason:
        'no item id: none of the keys catalog_id, item_no, preis maps to catalogItemId; add a mapping in Settings',
    });
  });

  it('says when an id key was sent empty or is not a number', () => {
    expect(normalize({ catalog_id: '24836', item_id: ' ' }, {})).toEqual({
      kind: 'unusable',
      reason: 'no item id: item_id is empty',
    });
    expect(normalize({ catalog: 'Summer', item_id: 'A' }, {})).toEqual({
      kind: 'unusable',
      reason: 'no catalog id: catalog "Summer" is not a number',
    });
  });

  it('lists both missing ids', () => {
    expect(normalize({ foo: '1' }, {})).toEqual({
      kind: 'unusable',
      reason:
        'no catalog id: none of the keys foo maps to catalogId; ' +
        'no item id: none of the keys foo maps to catalogItemId; add a mapping in Settings',
    });
  });

  it('uses the user mapping for unknown keys', () => {
    const mapping = { artikel: 'catalogItemId', katalog: 'catalogId', preis: 'currentPrice' };
    expect(snap({ katalog: '5', artikel: 'X-1', preis: '2,50' }, mapping)).toEqual({
      operation: 'Update',
      catalogId: '5',
      catalogItemId: 'X-1',
      currentPrice: 2.5,
    });
  });

  it('prefers the stronger alias when several keys name the same field', () => {
    expect(snap({ id: 'weak', catalog_id: '1', CatalogItemId: 'strong' }).catalogItemId).toBe('strong');
    // nested {"catalog": {"id"}} and {"item": {"id"}} as flattened by parseRequest
    expect(snap({ id: '24836', 'catalog.id': '24836', 'item.id': 'A-1' })).toMatchObject({
      catalogId: '24836',
      catalogItemId: 'A-1',
    });
  });

  it('falls back to the next key when the strongest one is missing', () => {
    expect(snap({ CatalogItemId: '{CatalogItemId}', sku: 'SKU-1', catalog_id: '1' }).catalogItemId).toBe('SKU-1');
  });
});

describe('normalize: values', () => {
  it.each([
    ['Insert', 'Insert'],
    ['insert', 'Insert'],
    ['INSERT', 'Insert'],
    ['Update', 'Update'],
    ['Delete', 'Delete'],
    [' delete ', 'Delete'],
    ['', 'Update'],
    ['{Operation}', 'Update'],
  ])('operation %j → %s', (value, expected) => {
    expect(snap({ ...ids, op: value })).toMatchObject({ operation: expected });
    expect(snap({ ...ids, op: value }).unknownOperation).toBeUndefined();
  });

  it.each(['Create', 'added', 'deleted', 'remove', 'whatever'])(
    'operation %j is none of impact.com’s words: applied as an update and kept, never guessed',
    (value) => {
      expect(snap({ ...ids, op: value })).toMatchObject({ operation: 'Update', unknownOperation: value });
    },
  );

  it('treats empty values and placeholders as missing, never as cleared', () => {
    expect(snap({ ...ids, name: '', price: '{CurrentPrice}', stock: '  ', inventory: '{Inventory}' })).toEqual({
      operation: 'Update',
      catalogId: '24836',
      catalogItemId: 'ACME-TB-12',
    });
  });

  it('reads prices; the Currency field wins over a symbol', () => {
    expect(snap({ ...ids, price: '$1,299.00', was: '$1,499.00' })).toMatchObject({
      currentPrice: 1299,
      originalPrice: 1499,
      currency: 'USD',
    });
    expect(snap({ ...ids, price: '$5', currency: 'cad' })).toMatchObject({ currentPrice: 5, currency: 'CAD' });
    expect(snap({ ...ids, price: 'EUR 89,90' })).toMatchObject({ currentPrice: 89.9, currency: 'EUR' });
    expect(snap({ ...ids, was: '£5' })).toMatchObject({ originalPrice: 5, currency: 'GBP' });
    expect(snap({ ...ids, price: '-5', currency: 'not a code' })).not.toHaveProperty('currentPrice');
    expect(snap({ ...ids, currency: 'not a code' })).not.toHaveProperty('currency');
  });

  it('reads stock words and derives stock from inventory when no status is sent', () => {
    expect(snap({ ...ids, stock: 'out_of_stock' }).stockAvailability).toBe('OutOfStock');
    expect(snap({ ...ids, qty: '0' })).toMatchObject({ stockAvailability: 'OutOfStock', inventory: 0 });
    expect(snap({ ...ids, qty: '3' })).toMatchObject({ stockAvailability: 'InStock', inventory: 3 });
    expect(snap({ ...ids, stock: 'BackOrder', qty: '0' })).toMatchObject({ stockAvailability: 'BackOrder' });
    expect(snap({ ...ids, stock: 'Ships soon' }).stockAvailability).toBe('Unknown');
    expect(snap({ ...ids, stock: 'Ships soon', qty: '2' }).stockAvailability).toBe('InStock');
  });

  it('reads a number in a stock field as a count', () => {
    expect(snap({ ...ids, stock: '12' })).toMatchObject({ stockAvailability: 'InStock', inventory: 12 });
    expect(snap({ ...ids, stock: '0' })).toMatchObject({ stockAvailability: 'OutOfStock', inventory: 0 });
  });

  it.each([
    ['1,200', 1200],
    ['120', 120],
    ['12.0', 12],
    [' 7 ', 7],
  ])('inventory %j → %d', (value, expected) => {
    expect(snap({ ...ids, inventory: value }).inventory).toBe(expected);
  });

  it.each(['-1', 'lots', '1.5', '1,20', '99999999999999999999'])('inventory %j is missing', (value) => {
    expect(snap({ ...ids, inventory: value })).not.toHaveProperty('inventory');
  });

  it('keeps campaign ids that are digits only', () => {
    expect(snap({ ...ids, program_id: '10306' }).campaignId).toBe('10306');
    expect(snap({ ...ids, program_id: 'Acme' })).not.toHaveProperty('campaignId');
  });

  it('keeps names plain and bounded', () => {
    expect(snap({ ...ids, name: ' Acme\u0000 Balls\n\t(12)\u202E ' }).name).toBe('Acme Balls (12)');
    expect(snap({ ...ids, name: 'x'.repeat(5000) }).name).toHaveLength(500);
  });

  it('keeps only http(s) URLs', () => {
    expect(
      snap({ ...ids, url: 'https://goto.example.com/c/1?u=x', image: 'http://img.example.com/a.jpg' }),
    ).toMatchObject({ url: 'https://goto.example.com/c/1?u=x', imageUrl: 'http://img.example.com/a.jpg' });
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>',
      'file:///etc/passwd',
      '//evil.example.com',
      'not a url',
      `https://x.test/${'a'.repeat(3000)}`,
    ]) {
      const result = snap({ ...ids, url: bad, image: bad });
      expect(result, bad).not.toHaveProperty('url');
      expect(result, bad).not.toHaveProperty('imageUrl');
    }
  });
});

describe('previewMapping', () => {
  it('shows what each incoming key maps to', () => {
    expect(previewMapping({ item_id: 'A', preis: '1', gtin: '5' }, { preis: 'currentPrice' })).toEqual({
      item_id: 'catalogItemId',
      preis: 'currentPrice',
      gtin: null,
    });
  });
});
