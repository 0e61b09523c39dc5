// Property-based fuzzing of ingest (fixed seed, 10,000 runs): any raw request parses to fields or a reason without
// throwing, normalizes without throwing, and applying it keeps the store valid: the database, read again by a
// connection of its own, holds products with string ids, finite numbers and only http(s) links. (P2, P4, P6)

import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { applyRecord } from '../../main/engine/apply/index.js';
import { normalize, parseRequest } from '../../main/engine/ingest/index.js';
import { fromRow, type ProductRow } from '../../main/engine/store/db/products.js';
import type { RawRequest } from '../../shared/contract/quarantine.js';
import { openTestStore } from '../helpers/store.js';

const INGEST_FUZZ_RUNS = 10_000;

const key = fc.oneof(
  fc.constantFrom(
    'catalog_id',
    'CatalogId',
    'item_id',
    'CatalogItemId',
    'price',
    'was',
    'currency',
    'stock',
    'inventory',
    'name',
    'url',
    'image',
    'change',
  ),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', ''),
  fc.string({ maxLength: 10 }),
);
const value = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    '77',
    '{CatalogItemId}',
    '',
    'javascript:alert(1)',
    'https://x.example/a',
    '1e400',
    '-1',
    '99999999999999999999999',
    'Infinity',
    'OutofStock',
    'in stock',
    '€ 1.299,00',
    '\u202Eevil',
    '<b>x</b>',
    'Delete',
  ),
  fc.integer().map(String),
);
const fields = fc.dictionary(key, value, { maxKeys: 14 });
const body = fc.oneof(
  fields.map((o) => JSON.stringify(o)),
  fields.map((o) => JSON.stringify(o).slice(0, -3)),
  fields.map(
    (o) =>
      `<r>${Object.entries(o)
        .map(([k, v]) => `<${k || 'k'}>${v}</${k || 'k'}>`)
        .join('')}</r>`,
  ),
  fields.map((o) => new URLSearchParams(o).toString()),
  fc.jsonValue({ maxDepth: 8 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
);
const raw: fc.Arbitrary<RawRequest> = fc.record({
  method: fc.constantFrom('GET', 'POST'),
  query: fc.oneof(
    fc.constant(''),
    fields.map((o) => new URLSearchParams(o).toString()),
  ),
  contentType: fc.constantFrom(
    'application/json',
    'application/xml',
    'text/plain',
    'application/x-www-form-urlencoded',
    '',
  ),
  headers: fc.constant({}),
  body,
});

describe('ingest fuzz', () => {
  const test = openTestStore();
  afterAll(() => test.close());

  it(`parses, normalizes and applies any request without throwing (${INGEST_FUZZ_RUNS} runs)`, () => {
    const { store } = test;
    let seq = 0;
    fc.assert(
      fc.property(
        raw,
        fc.dictionary(
          fc.string({ maxLength: 8 }),
          fc.constantFrom('catalogId', 'catalogItemId', 'currentPrice', 'name'),
        ),
        (request, mapping) => {
          const parsed = parseRequest(request);
          if (parsed.ok) {
            expect(Object.getPrototypeOf(parsed.fields)).toBe(Object.prototype);
            for (const v of Object.values(parsed.fields)) expect(typeof v).toBe('string');
            normalize(parsed.fields, mapping);
          } else {
            expect(typeof parsed.reason).toBe('string');
          }
          seq += 1;
          applyRecord(store, { type: 'postback', raw: request, seq, at: 1_700_000_000_000 + seq });
        },
      ),
      { seed: 424_242, numRuns: INGEST_FUZZ_RUNS },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // What a restart reads back: the database file, through a connection of its own.
    const reader = new Database(path.join(test.dir, 'store.db'), { readonly: true });
    const products = reader.prepare<[], ProductRow>('SELECT * FROM products').all().map(fromRow);
    const appliedSeq = JSON.parse(
      reader.prepare("SELECT value FROM meta WHERE name = 'appliedSeq'").pluck().get() as string,
    );
    reader.close();
    expect(products.length).toBe(store.products.count() + products.filter((product) => product.ghost).length);
    expect(appliedSeq).toBe(INGEST_FUZZ_RUNS);
    for (const product of products) {
      expect(typeof product.catalogId).toBe('string');
      expect(typeof product.catalogItemId).toBe('string');
      for (const n of [product.currentPrice, product.originalPrice, product.inventory]) {
        if (n !== undefined) expect(Number.isFinite(n)).toBe(true);
      }
      for (const link of [product.url, product.imageUrl]) if (link !== undefined) expect(link).toMatch(/^https?:\/\//i);
    }
    expect(store.appliedSeq).toBe(INGEST_FUZZ_RUNS);
  });
});
