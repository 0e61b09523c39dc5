// The feed search rule: the words typed match the start of words in a product's name or item id, in any order, case
// and accents aside. The engine and the UI's live list both use textMatcher, so it must agree with the rule on any
// text, including its fast path for plain ASCII.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexQuery, textMatcher, wordsOf } from '../../shared/domain/feed-search.js';

/** The rule as written: every typed word starts some word of the fields. */
function rule(query: string, fields: (string | null)[]): boolean {
  const words = fields.flatMap((field) => (field ? wordsOf(field) : []));
  return wordsOf(query)
    .slice(0, 8)
    .every((prefix) => words.some((word) => word.startsWith(prefix)));
}

describe('feed search', () => {
  it('matches word starts in any order, not the middle of words', () => {
    const matches = textMatcher('acme ten');
    expect(matches(['Acme 2-person Tent', 'SKU-1'])).toBe(true);
    expect(matches(['Tent by ACME', null])).toBe(true);
    expect(matches(['Acme Kitten bowl', 'SKU-2'])).toBe(false); // "ten" only inside "kitten"
    expect(textMatcher('sku-1')(['Lamp', 'SKU-12'])).toBe(true);
    expect(textMatcher('crème')(['Creme brulee torch', null])).toBe(true);
    expect(textMatcher('creme')(['Crème brûlée torch', null])).toBe(true);
    expect(textMatcher('16')(['Northwind Kettle 116', null])).toBe(false);
  });

  it('agrees with the rule on any text, ASCII or not', () => {
    const char = fc.constantFrom(...'aAbB01 -_.,/éÉüß日本e\u0301'.split(''));
    const text = fc.array(char, { maxLength: 14 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.option(text), { maxLength: 3 }), (query, fields) => {
        expect(textMatcher(query)(fields)).toBe(rule(query, fields));
      }),
      { numRuns: 5_000, seed: 20261202 },
    );
  });

  it('asks the index by each word’s first three characters, and says when candidates need the whole words tested', () => {
    expect(indexQuery('Northwind kettle 16')).toEqual({ match: '"nor"* "ket"* "16"*', needsCheck: true });
    expect(indexQuery('ab cd')).toEqual({ match: '"ab"* "cd"*', needsCheck: false });
    expect(indexQuery(' -- ')).toBeNull();
  });
});
