// Replays the team's example postbacks in order: parse → normalize → retry check → diff, asserting every expectation.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applySnapshot,
  checkRetry,
  normalize,
  parseRequest,
  type RecentSnapshot,
} from '../../../main/engine/ingest/index.js';
import type { FieldChange, ProductState, RawRequest } from '../../../shared/model.js';

interface Fixture {
  name: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  expect: Record<string, unknown>;
}

const FIXTURES_URL = new URL('../../../../shared/fixtures/postbacks.jsonl', import.meta.url);
const fixtures: Fixture[] = readFileSync(FIXTURES_URL, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Fixture);

function toRawRequest(fixture: Fixture): RawRequest {
  const at = fixture.path.indexOf('?');
  const contentType = Object.entries(fixture.headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  return {
    method: fixture.method,
    query: at >= 0 ? fixture.path.slice(at + 1) : '',
    contentType: contentType ?? '',
    headers: fixture.headers,
    body: fixture.body,
  };
}

interface Outcome {
  test?: true;
  operation?: string;
  state?: ProductState;
  changes?: FieldChange[];
}

/** Replays all fixtures once, one minute apart, the way the engine applies journal records. */
function replay(): Map<string, Outcome> {
  const states = new Map<string, ProductState>();
  const recent = new Map<string, RecentSnapshot[]>();
  const outcomes = new Map<string, Outcome>();
  fixtures.forEach((fixture, index) => {
    if (fixture.name === 'wrong-secret') return; // the receiver's concern: never reaches ingest
    const at = new Date(Date.UTC(2025, 0, 1, 12, index)).toISOString();
    const parsed = parseRequest(toRawRequest(fixture));
    if (!parsed.ok) throw new Error(`${fixture.name}: ${parsed.reason}`);
    const normalized = normalize(parsed.fields, {});
    if (normalized.kind === 'test') {
      outcomes.set(fixture.name, { test: true });
      return;
    }
    if (normalized.kind !== 'snapshot') throw new Error(`${fixture.name}: ${normalized.reason}`);
    const { snapshot } = normalized;
    const key = `${snapshot.catalogId}:${snapshot.catalogItemId}`;
    const retry = checkRetry(recent.get(key), snapshot, at);
    recent.set(key, retry.recent);
    if (retry.retry) {
      outcomes.set(fixture.name, { operation: snapshot.operation, state: states.get(key), changes: [] });
      return;
    }
    const { next, changes } = applySnapshot(states.get(key), snapshot, at);
    states.set(key, next);
    outcomes.set(fixture.name, { operation: snapshot.operation, state: next, changes });
  });
  return outcomes;
}

describe('postback fixtures replayed in order', () => {
  const outcomes = replay();
  const STATE_FIELDS = ['key', 'currentPrice', 'originalPrice', 'stockAvailability', 'inventory', 'removed'] as const;

  it('covers every fixture but the wrong-secret one', () => {
    expect(outcomes.size).toBe(fixtures.length - 1);
  });

  it.each(fixtures.filter((f) => f.name !== 'wrong-secret').map((f) => [f.name, f] as const))('%s', (name, fixture) => {
    const outcome = outcomes.get(name);
    const expected = fixture.expect;
    if (expected.test === true) {
      expect(outcome).toEqual({ test: true });
      return;
    }
    expect(outcome?.state).toBeDefined();
    for (const field of STATE_FIELDS) {
      if (field in expected) expect(outcome?.state?.[field], field).toEqual(expected[field]);
    }
    if ('operation' in expected) expect(outcome?.operation).toBe(expected.operation);
    if ('changes' in expected) expect(outcome?.changes?.map((c) => c.field)).toEqual(expected.changes);
  });

  it('tells the story end to end', () => {
    expect(outcomes.get('json-impact-names-insert')?.changes).toEqual([]);
    expect(outcomes.get('json-snake-case-price-drop')?.changes).toEqual([
      { field: 'currentPrice', from: 39.99, to: 34.99 },
      { field: 'inventory', from: 120, to: 95 },
    ]);
    const removed = outcomes.get('json-delete')?.state;
    // A Delete carrying only ids keeps the last known values.
    expect(removed).toMatchObject({ removed: true, currentPrice: 1199, stockAvailability: 'LimitedAvailability' });
    const headphones = outcomes.get('empty-values-are-missing')?.state;
    expect(headphones).toMatchObject({ currency: 'EUR', name: 'Initech Headphones' });
    expect(headphones?.inventory).toBeUndefined();
  });
});
