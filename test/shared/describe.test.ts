import { describe, expect, it } from 'vitest';
import { describeChange, describeEntry } from '../../shared/describe.js';
import type { FieldChange, ProductState } from '../../shared/model.js';

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
  it('summarizes entries without changes by their operation', () => {
    expect(describeEntry({ operation: 'Insert', changes: [], product })).toBe('New in catalog');
    expect(describeEntry({ operation: 'Delete', changes: [], product })).toBe('Removed from catalog');
    expect(describeEntry({ operation: 'Update', changes: [], product })).toBe('No changes');
    const fresh = { ...product, updatedAt: product.firstSeenAt };
    expect(describeEntry({ operation: 'Update', changes: [], product: fresh })).toBe('First seen');
  });

  it('joins the changes in order', () => {
    const changes = [change('currentPrice', 39.99, 34.99), change('inventory', 120, 95)];
    expect(describeEntry({ operation: 'Update', changes, product })).toBe(
      '$39.99 → $34.99 (−12.5%), Inventory 120 → 95',
    );
  });
});
