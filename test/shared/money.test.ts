import { describe, expect, it } from 'vitest';
import { formatPrice, normalizeCurrency, parsePrice, percentChange } from '../../shared/domain/money.js';

describe('parsePrice', () => {
  it.each([
    ['29.99', { amount: 29.99 }],
    ['$29.99', { amount: 29.99, currency: 'USD' }],
    ['29,99', { amount: 29.99 }],
    ['89,90', { amount: 89.9 }],
    ['1,299.00', { amount: 1299 }],
    ['1.299,00', { amount: 1299 }],
    ['1,299', { amount: 1299 }],
    ['1,299,000', { amount: 1299000 }],
    ['1.299.000', { amount: 1299000 }],
    ["1'299.50", { amount: 1299.5 }],
    ['1 299,50', { amount: 1299.5 }],
    ['EUR 12.50', { amount: 12.5, currency: 'EUR' }],
    ['EUR12.50', { amount: 12.5, currency: 'EUR' }],
    ['12.50 EUR', { amount: 12.5, currency: 'EUR' }],
    ['eur 89,90', { amount: 89.9, currency: 'EUR' }],
    ['€12,50', { amount: 12.5, currency: 'EUR' }],
    ['12,50 €', { amount: 12.5, currency: 'EUR' }],
    ['£5', { amount: 5, currency: 'GBP' }],
    ['¥1200', { amount: 1200, currency: 'JPY' }],
    ['US$ 5', { amount: 5, currency: 'USD' }],
    ['C$5.25', { amount: 5.25, currency: 'CAD' }],
    ['CHF 1299.50', { amount: 1299.5, currency: 'CHF' }],
    ['0', { amount: 0 }],
    ['.99', { amount: 0.99 }],
    ['123456789.12', { amount: 123456789.12 }],
  ])('%j → %j', (input, expected) => {
    expect(parsePrice(input)).toEqual(expected);
  });

  it('never assumes cents: "2999" is 2999', () => {
    expect(parsePrice('2999')?.amount).toBe(2999);
  });

  it('prefers a written code over a symbol ("EUR $5" is euros)', () => {
    expect(parsePrice('EUR $5')).toEqual({ amount: 5, currency: 'EUR' });
  });

  it.each([
    '',
    '  ',
    '-5',
    '-5.00',
    'NaN',
    'Infinity',
    '1e5',
    'abc',
    'free',
    '12 dollars',
    'ZZZ 12',
    '1,2,3',
    '12.34.56,7',
    '$',
    'EUR',
    '{CurrentPrice}',
    '0x10',
    'USD 5 EUR',
  ])('%j → undefined', (input) => {
    expect(parsePrice(input)).toBeUndefined();
  });

  it('has no float noise in the amount', () => {
    expect(parsePrice('0.1')?.amount).toBe(0.1);
    expect(parsePrice('1.005')?.amount).toBe(1.005);
  });
});

describe('normalizeCurrency', () => {
  it('reads codes in any case and known symbols', () => {
    expect(normalizeCurrency('usd')).toBe('USD');
    expect(normalizeCurrency(' EUR ')).toBe('EUR');
    expect(normalizeCurrency('€')).toBe('EUR');
    expect(normalizeCurrency('dollars')).toBeUndefined();
    expect(normalizeCurrency('')).toBeUndefined();
  });
});

describe('formatPrice', () => {
  it('uses the currency symbol where en-US has one', () => {
    expect(formatPrice(39.99, 'USD')).toBe('$39.99');
    expect(formatPrice(12.5, 'EUR')).toBe('€12.50');
    expect(formatPrice(5, 'GBP')).toBe('£5.00');
    expect(formatPrice(1299, 'USD')).toBe('$1,299.00');
    expect(formatPrice(1200, 'JPY')).toBe('¥1,200');
  });

  it('puts a code without a symbol after the number', () => {
    expect(formatPrice(12.5, 'CHF')).toBe('12.50 CHF');
    expect(formatPrice(12.5, 'chf')).toBe('12.50 CHF');
  });

  it('is a plain number without a valid currency', () => {
    expect(formatPrice(1299)).toBe('1,299.00');
    expect(formatPrice(3.5, 'dollars')).toBe('3.50');
  });

  it('shows the precision prices compare at: 79.995 is not "$80.00" (a "below $80" alert fires on it)', () => {
    expect(formatPrice(79.995, 'USD')).toBe('$79.995');
    expect(formatPrice(0.123456, 'EUR')).toBe('€0.123456');
    expect(formatPrice(12.3456, 'CHF')).toBe('12.3456 CHF');
    expect(formatPrice(79.995)).toBe('79.995');
    expect(formatPrice(1200.5, 'JPY')).toBe('¥1,200.5');
  });

  it('keeps the usual two decimals when the number has no more, and ignores binary noise', () => {
    expect(formatPrice(80, 'USD')).toBe('$80.00');
    expect(formatPrice(79.9, 'USD')).toBe('$79.90');
    expect(formatPrice(0.1 + 0.2, 'USD')).toBe('$0.30');
    expect(formatPrice(parsePrice('79.995')?.amount ?? 0, 'USD')).toBe('$79.995');
  });
});

describe('percentChange', () => {
  it('is rounded to one decimal', () => {
    expect(percentChange(39.99, 34.99)).toBe(-12.5);
    expect(percentChange(100, 150)).toBe(50);
    expect(percentChange(3, 4)).toBe(33.3);
    expect(percentChange(3, 2)).toBe(-33.3);
  });

  it('is 0 for no change or a zero base', () => {
    expect(percentChange(10, 10)).toBe(0);
    expect(percentChange(0, 5)).toBe(0);
    expect(Object.is(percentChange(10, 10.000001), 0)).toBe(true);
  });
});
