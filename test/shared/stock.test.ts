import { describe, expect, it } from 'vitest';
import { isInStock, parseStock, STOCK_LABELS } from '../../shared/domain/stock.js';

describe('parseStock', () => {
  it.each([
    ['InStock', 'InStock'],
    ['in stock', 'InStock'],
    ['IN_STOCK', 'InStock'],
    ['OutofStock', 'OutOfStock'],
    ['OutOfStock', 'OutOfStock'],
    ['out_of_stock', 'OutOfStock'],
    ['Out of stock', 'OutOfStock'],
    ['out-of-stock', 'OutOfStock'],
    ['sold out', 'OutOfStock'],
    ['BackOrder', 'BackOrder'],
    ['backorder', 'BackOrder'],
    ['back-order', 'BackOrder'],
    ['PreOrder', 'PreOrder'],
    ['pre-order', 'PreOrder'],
    ['LimitedAvailability', 'LimitedAvailability'],
    ['limited_availability', 'LimitedAvailability'],
    ['https://schema.org/InStock', 'InStock'],
    ['  InStock  ', 'InStock'],
    ['yes', 'InStock'],
    ['false', 'OutOfStock'],
    ['Ships in 3 weeks', 'Unknown'],
    ['unknown', 'Unknown'],
  ])('%j → %s', (input, expected) => {
    expect(parseStock(input)).toBe(expected);
  });

  it('is undefined for an empty value (nothing was sent)', () => {
    expect(parseStock('')).toBeUndefined();
    expect(parseStock('   ')).toBeUndefined();
  });

  it('does not read inherited object keys as stock words', () => {
    expect(parseStock('constructor')).toBe('Unknown');
    expect(parseStock('__proto__')).toBe('Unknown');
  });
});

describe('isInStock', () => {
  it('counts InStock and LimitedAvailability only', () => {
    expect(isInStock('InStock')).toBe(true);
    expect(isInStock('LimitedAvailability')).toBe(true);
    for (const s of ['OutOfStock', 'BackOrder', 'PreOrder', 'Unknown'] as const) expect(isInStock(s)).toBe(false);
    expect(isInStock(undefined)).toBe(false);
  });
});

describe('STOCK_LABELS', () => {
  it('has plain words for every value', () => {
    expect(STOCK_LABELS).toEqual({
      InStock: 'In stock',
      OutOfStock: 'Out of stock',
      BackOrder: 'Back order',
      PreOrder: 'Pre-order',
      LimitedAvailability: 'Limited availability',
      Unknown: 'Unknown',
    });
  });
});
