import { describe, expect, it } from 'vitest';
import type { FieldChange } from '../../shared/contract/feed.js';
import type { ProductState } from '../../shared/contract/product.js';
import { type DescribedEntry, describeChange, describeEntry } from '../../shared/domain/describe.js';

const product: ProductState = {
  key: '24836:ACME-TB-12',
  catalogId: '24836',
  catalogItemId: 'ACME-TB-12',
  name: 'Acme Tennis Balls',
  currentPrice: 34.99,
  currency: 'USD',
  stockAvailability: 'InStock',
  inventory: 95,
  removed: false,
  firstSeenAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-02T00:00:00.000Z',
};
const change = (field: FieldChange['field'], from: FieldChange['from'], to: FieldChange['to']): FieldChange => ({
  field,
  from,
  to,
});

describe('describeChange', () => {
  it('words a price move with a real minus sign and an arrow', () => {
    expect(describeChange(change('currentPrice', 39.99, 34.99), product)).toBe('$39.99 \u2192 $34.99 (\u221212.5%)');
    expect(describeChange(change('currentPrice', 30, 45), product)).toBe('$30.00 → $45.00 (+50%)');
    expect(describeChange(change('currentPrice', null, 34.99), product)).toBe('Price $34.99');
  });

  it('uses the product currency', () => {
    const euro = { ...product, currency: 'CHF' };
    expect(describeChange(change('originalPrice', 40, 44), euro)).toBe('Original price 40.00 CHF → 44.00 CHF');
  });

  it('words stock, removal, inventory, currency and text fields', () => {
    expect(describeChange(change('stockAvailability', 'OutOfStock', 'InStock'), product)).toBe(
      'Out of stock → In stock',
    );
    expect(describeChange(change('stockAvailability', null, 'PreOrder'), product)).toBe('Unknown → Pre-order');
    expect(describeChange(change('removed', false, true), product)).toBe('Removed from catalog');
    expect(describeChange(change('removed', true, false), product)).toBe('Back in catalog');
    expect(describeChange(change('inventory', 120, 95), product)).toBe('Inventory 120 → 95');
    expect(describeChange(change('inventory', null, 7), product)).toBe('Inventory 7');
    expect(describeChange(change('currency', 'USD', 'EUR'), product)).toBe('Currency USD → EUR');
    expect(describeChange(change('name', 'a', 'b'), product)).toBe('Name changed');
    expect(describeChange(change('url', 'a', 'b'), product)).toBe('Link changed');
    expect(describeChange(change('imageUrl', 'a', 'b'), product)).toBe('Image changed');
    expect(describeChange(change('campaignId', '1', '2'), product)).toBe('Program 1 → 2');
  });
});

describe('describeEntry', () => {
  const entry = (fields: Partial<DescribedEntry>): DescribedEntry => ({
    operation: 'Update',
    changes: [],
    product,
    isNew: false,
    ...fields,
  });

  it('words a first entry from its own starting values, however the product changed since', () => {
    // the product is now $34.99 and updated since; the entry still says what it started at
    const changes = [
      change('name', null, 'Acme Tennis Balls'),
      change('currentPrice', null, 39.99),
      change('currency', null, 'USD'),
      change('stockAvailability', null, 'InStock'),
      change('inventory', null, 120),
    ];
    expect(describeEntry(entry({ operation: 'Insert', isNew: true, changes }))).toBe('New: $39.99 · In stock');
    expect(describeEntry(entry({ isNew: true, changes: [change('stockAvailability', null, 'OutOfStock')] }))).toBe(
      'New: Out of stock',
    );
    expect(describeEntry(entry({ isNew: true, changes: [change('name', null, 'Bare')] }))).toBe(
      'New: no price or stock yet',
    );
  });

  it('prices a first entry in the currency it was sent in', () => {
    const changes = [change('currentPrice', null, 12.5), change('currency', null, 'EUR')];
    expect(describeEntry(entry({ isNew: true, changes }))).toBe('New: €12.50');
  });

  it('lists price and stock first, then removal, inventory and the rest', () => {
    const changes = [
      change('campaignId', '1', '2'),
      change('name', 'a', 'b'),
      change('url', 'a', 'b'),
      change('imageUrl', 'a', 'b'),
      change('inventory', 120, 95),
      change('stockAvailability', 'OutOfStock', 'InStock'),
      change('currentPrice', 39.99, 34.99),
    ];
    expect(describeEntry(entry({ changes }))).toBe(
      '$39.99 → $34.99 (−12.5%), Out of stock → In stock, Inventory 120 → 95, Program 1 → 2, Name changed, ' +
        'Link changed, Image changed',
    );
  });

  it('says when an update carried an operation it did not recognize, after the changes', () => {
    const changes = [change('currentPrice', 39.99, 34.99)];
    expect(describeEntry(entry({ changes, unknownOperation: 'Create' }))).toBe(
      '$39.99 → $34.99 (−12.5%) · Unrecognized operation “Create”, applied as an update',
    );
  });

  it('words a Delete for an item never seen, which has no changes', () => {
    const idsOnly: ProductState = {
      key: '24836:GONE-1',
      catalogId: '24836',
      catalogItemId: 'GONE-1',
      stockAvailability: 'Unknown',
      removed: true,
      firstSeenAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    };
    expect(describeEntry(entry({ operation: 'Delete', product: idsOnly }))).toBe(
      'Removed from catalog (never seen before)',
    );
    expect(describeEntry(entry({ operation: 'Delete', changes: [change('removed', false, true)] }))).toBe(
      'Removed from catalog',
    );
  });

  it('never says "No changes" for a first entry stored before first entries listed their values', () => {
    expect(describeEntry(entry({ operation: 'Update' }))).toBe('New in catalog');
    expect(describeEntry(entry({ operation: 'Insert' }))).toBe('New in catalog');
  });
});
