// Replays the team's example postbacks in order: parse → normalize → diff, asserting every expectation.
// "duplicate-of-price-drop" is a retry of an earlier delivery: the engine drops byte-identical requests seen within
// 10 minutes before ingest (main/engine/apply/deliveries.ts); the replay models that step with `seenBodies`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applySnapshot, normalize, parseRequest } from '../../../main/engine/ingest/index.js';
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
  repeated?: true;
  operation?: string;
  state?: ProductState;
  changes?: FieldChange[];
}

/** Replays all fixtures once, one minute apart, the way the engine applies journal records. */
function replay(): Map<string, Outcome> {
  const states = new Map<string, ProductState>();
  const seenBodies = new Map<string, number>();
  const outcomes = new Map<string, Outcome>();
  fixtures.forEach((fixture, index) => {
    if (fixture.name === 'wrong-secret') return; // the receiver's concern: never reaches ingest
    const atMs = Date.UTC(2025, 0, 1, 12, index);
    const at = new Date(atMs).toISOString();
    const raw = toRawRequest(fixture);
    const delivery = `${raw.method}\n${raw.query}\n${raw.contentType}\n${raw.body}`;
    const seenAt = seenBodies.get(delivery);
    seenBodies.set(delivery, atMs);
    if (seenAt !== undefined && atMs - seenAt <= 10 * 60_000) {
      outcomes.set(fixture.name, { repeated: true, changes: [] });
      return;
    }
    const parsed = parseRequest(raw);
    if (!parsed.ok) throw new Error(`${fixture.name}: ${parsed.reason}`);
    const normalized = normalize(parsed.fields, {});
    if (normalized.kind === 'test') {
      outcomes.set(fixture.name, { test: true });
      return;
    }
    if (normalized.kind !== 'snapshot') throw new Error(`${fixture.name}: ${normalized.reason}`);
    const { snapshot } = normalized;
    const key = `${snapshot.catalogId}:${snapshot.catalogItemId}`;
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
    if (outcome?.repeated) {
      expect(expected.changes).toEqual([]);
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

  it('needs the delivery-level dedupe: as data, the late retry would roll inventory back from 40 to 95', () => {
    expect(outcomes.get('duplicate-of-price-drop')).toEqual({ repeated: true, changes: [] });
    const drop = fixtures.find((f) => f.name === 'duplicate-of-price-drop') as Fixture;
    const parsed = parseRequest(toRawRequest(drop));
    const normalized = parsed.ok ? normalize(parsed.fields, {}) : undefined;
    const restocked = outcomes.get('xml-back-in-stock')?.state;
    if (normalized?.kind !== 'snapshot' || restocked === undefined) throw new Error('fixture changed');
    expect(applySnapshot(restocked, normalized.snapshot, 'later').changes).toEqual([
      { field: 'inventory', from: 40, to: 95 },
    ]);
  });
});
