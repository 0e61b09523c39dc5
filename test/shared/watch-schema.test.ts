// Watch input and rules: what the watch editor may send, and the words a refusal uses.
import { describe, expect, it } from 'vitest';
import { parseApiRequest } from '../../shared/contract/api.js';
import { ApiError } from '../../shared/contract/errors.js';

const refusal = (input: unknown) => {
  try {
    parseApiRequest('createWatch', input);
    return 'accepted';
  } catch (error) {
    return (error as ApiError).message;
  }
};
const target = { catalogId: '24836', catalogItemId: 'ACME-TB-12' };

describe('watch rules', () => {
  it('accepts one rule of each kind with values in range, trimming the target', () => {
    const parsed = parseApiRequest('createWatch', {
      target: { catalogId: ' 24836 ', catalogItemId: ' ACME-TB-12 ' },
      rules: [{ kind: 'price-below', value: 30 }, { kind: 'price-drop-pct', value: 99.5 }, { kind: 'removed' }],
    });
    expect(parsed.target).toEqual(target);
    expect(parsed.rules).toHaveLength(3);
  });

  it.each([
    [
      [{ kind: 'back-in-stock' }, { kind: 'back-in-stock' }],
      'rules[1].kind repeats the rule "back-in-stock": a watch has at most one rule of each kind.',
    ],
    [
      [
        { kind: 'price-below', value: 30 },
        { kind: 'price-below', value: 20 },
      ],
      'rules[1].kind repeats the rule "price-below"',
    ],
    [
      [{ kind: 'price-drop-pct', value: 100 }],
      'rules[0].value must be a percentage above 0 and below 100 for "price-drop-pct".',
    ],
    [[{ kind: 'price-drop-pct', value: 0 }], 'rules[0].value must be a percentage above 0 and below 100'],
    [[{ kind: 'price-below' }], 'rules[0].value must be a price above 0 for "price-below".'],
    [[{ kind: 'inventory-below', value: -1 }], 'rules[0].value must be a number above 0'],
    [[{ kind: 'removed', value: 3 }], 'rules[0].value is not used by the rule "removed".'],
    [[{ kind: 'teleport' }], 'rules[0].kind must be one of: price-below, price-drop-pct'],
    [[], 'rules must have at least one rule.'],
    ['all', 'rules must be a list.'],
  ])('%j → %s', (rules, expected) => {
    expect(refusal({ target, rules })).toContain(expected);
  });

  it('names the target field that is wrong', () => {
    expect(refusal({ target: { ...target, catalogId: 'abc' }, rules: [{ kind: 'removed' }] })).toBe(
      'target.catalogId must be a number, e.g. 24836 (the catalog id).',
    );
    expect(refusal({ target: { catalogId: '1', catalogItemId: ' ' }, rules: [{ kind: 'removed' }] })).toMatch(
      /^target\.catalogItemId /,
    );
    expect(refusal({ target: { campaignId: 'acme' }, rules: [{ kind: 'removed' }] })).toBe(
      'target.campaignId must be a number (the brand’s campaign id).',
    );
  });

  it('takes a whole catalog or a whole brand as a target, as well as one item', () => {
    expect(refusal({ target: { catalogId: '24836' }, rules: [{ kind: 'back-in-stock' }] })).toBe('accepted');
    expect(refusal({ target: { campaignId: '4521' }, rules: [{ kind: 'price-drop-pct', value: 20 }] })).toBe(
      'accepted',
    );
  });

  it('is a 400 ApiError', () => {
    expect(() => parseApiRequest('createWatch', {})).toThrow(ApiError);
    try {
      parseApiRequest('createWatch', {});
    } catch (error) {
      expect((error as ApiError).status).toBe(400);
    }
  });
});
