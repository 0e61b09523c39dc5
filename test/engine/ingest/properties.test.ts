// Property tests: ingest never throws on any input, and applying the same snapshot twice changes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applySnapshot, normalize, parseRequest } from '../../../main/engine/ingest/index.js';
import { STOCK_VALUES } from '../../../shared/contract/enums.js';

const SETTINGS = { seed: 42, numRuns: 2000 };

/** Bodies built from JSON/XML/form punctuation, placeholders and alias keys, so the structured paths get exercised. */
const pieces = fc.constantFrom(
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  '"',
  "'",
  '<',
  '>',
  '</',
  '/>',
  '=',
  '&',
  '?',
  '\\',
  '\\u00',
  ' ',
  '\n',
  'item_id',
  'catalog_id',
  'price',
  'stock',
  'qty',
  'op',
  'Delete',
  '__proto__',
  'constructor',
  '{CatalogId}',
  '123456789012345678901',
  '1,299.00',
  'EUR',
  '$',
  'null',
  'true',
  '<!DOCTYPE x [<!ENTITY a "b">]>',
  '&amp;',
  '&a;',
  'javascript:alert(1)',
  'https://x.test/',
  '<![CDATA[',
  ']]>',
);
const structuredText = fc
  .array(fc.oneof(pieces, fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 60 })
  .map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), structuredText);
const contentType = fc.oneof(
  fc.constantFrom(
    '',
    'application/json',
    'application/xml',
    'text/xml',
    'application/x-www-form-urlencoded',
    'text/plain',
  ),
  fc.string({ maxLength: 30 }),
);
const mapping = fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 }), { maxKeys: 4 });

describe('ingest properties', () => {
  it('parseRequest and normalize never throw, and always answer in their documented shapes', () => {
    fc.assert(
      fc.property(
        anyText,
        anyText,
        contentType,
        fc.constantFrom('GET', 'POST'),
        mapping,
        (body, query, type, method, map) => {
          const parsed = parseRequest({ method, query, contentType: type, headers: {}, body });
          if (!parsed.ok) {
            expect(typeof parsed.reason).toBe('string');
            expect(parsed.reason.length).toBeGreaterThan(0);
            return;
          }
          expect(['json', 'xml', 'form', 'query', 'lenient-json']).toContain(parsed.format);
          for (const [key, value] of Object.entries(parsed.fields)) {
            expect(typeof value).toBe('string');
            expect(['__proto__', 'constructor', 'prototype']).not.toContain(key);
          }
          const normalized = normalize(parsed.fields, map);
          expect(['snapshot', 'test', 'unusable']).toContain(normalized.kind);
          if (normalized.kind === 'snapshot') {
            const { url, imageUrl, currentPrice } = normalized.snapshot;
            for (const link of [url, imageUrl]) if (link !== undefined) expect(link).toMatch(/^https?:/i);
            if (currentPrice !== undefined) expect(currentPrice).toBeGreaterThanOrEqual(0);
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      SETTINGS,
    );
  });

  it('normalize never throws on arbitrary flat records', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 12 }), anyText, { maxKeys: 12 }), mapping, (fields, map) => {
        expect(() => normalize(fields, map)).not.toThrow();
      }),
      SETTINGS,
    );
  });

  const snapshotArb = fc.record(
    {
      operation: fc.constantFrom('Insert', 'Update', 'Delete' as const),
      catalogId: fc.constantFrom('1', '2'),
      catalogItemId: fc.constantFrom('A', 'B:C'),
      name: fc.string({ maxLength: 10 }),
      currentPrice: fc.double({ min: 0, max: 1e6, noNaN: true }),
      originalPrice: fc.double({ min: 0, max: 1e6, noNaN: true }),
      currency: fc.constantFrom('USD', 'EUR'),
      stockAvailability: fc.constantFrom(...STOCK_VALUES),
      inventory: fc.nat(),
    },
    { requiredKeys: ['operation', 'catalogId', 'catalogItemId'] },
  );

  it('applying the same snapshot twice reports no changes the second time', () => {
    fc.assert(
      fc.property(fc.array(snapshotArb, { maxLength: 5 }), snapshotArb, (history, snap) => {
        let prev: ReturnType<typeof applySnapshot>['next'] | undefined;
        for (const earlier of history) {
          prev = applySnapshot(
            prev,
            { ...earlier, catalogId: snap.catalogId, catalogItemId: snap.catalogItemId },
            't0',
          ).next;
        }
        const once = applySnapshot(prev, snap, 't1');
        const twice = applySnapshot(once.next, snap, 't2');
        expect(twice.changes).toEqual([]);
        expect(twice.next).toEqual(once.next);
      }),
      SETTINGS,
    );
  });
});
