// The bench's seeder builds product states and B's file without going through the engine's ingest or
// JSON.stringify of the whole store (too slow or too big at millions): these check it builds the same thing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeNaiveJson } from '../../bench/seed/naive-store.js';
import { pointOf, seedBody, seedState } from '../../bench/seed/product-state.js';
import { applySnapshot, historyPoint, normalize, parseRequest } from '../../main/engine/ingest/index.js';
import { DEFAULT_SETTINGS } from '../../shared/contract/settings.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfwatch-seed-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function ingest(body: string, at: string) {
  const parsed = parseRequest({ method: 'POST', query: '', contentType: 'application/json', headers: {}, body });
  if (!parsed.ok) throw new Error(parsed.reason);
  const result = normalize(parsed.fields, DEFAULT_SETTINGS.mapping);
  if (result.kind !== 'snapshot') throw new Error(result.kind);
  return applySnapshot(undefined, result.snapshot, at).next;
}

describe('bench seed', () => {
  it('builds the state and history point the engine makes of the same postback', () => {
    const at = '2026-01-02T03:04:05.000Z';
    for (const n of [0, 1, 9, 17, 123, 4_567, 999_999, 4_999_999]) {
      for (const k of [0, 1, 19, 20, 199]) {
        const state = seedState(n, k, at, at);
        expect(state).toEqual(ingest(seedBody(n, k), at));
        expect(pointOf(state)).toEqual(historyPoint(state));
      }
    }
  });

  it("streams B's file in lowdb's exact layout", () => {
    const products: [string, Record<string, string>][] = [
      ['4242:a', { Name: 'A', key: '4242:a' }],
      ['4242:b', { Name: 'B "quoted"', key: '4242:b' }],
    ];
    const feed = [
      { id: '1', at: 'x', key: '4242:a', operation: 'Update', changes: [{ field: 'P', from: '1', to: 2 }] },
    ];
    for (const [p, f] of [
      [products, feed],
      [[], []],
      [products, []],
    ] as const) {
      const file = path.join(dir, 'naive.json');
      writeNaiveJson(file, p, f);
      const expected = JSON.stringify({ products: Object.fromEntries(p), feed: f }, null, 2);
      expect(fs.readFileSync(file, 'utf8')).toBe(expected);
    }
  });
});
