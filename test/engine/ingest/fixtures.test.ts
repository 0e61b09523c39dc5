// Replays the example postbacks (test/fixtures) in order through the pure pipeline: parse → normalize → diff → rules,
// asserting every expectation. State follows the last postback: a delivery is a repeat exactly when it changes
// nothing, whatever earlier body it matches byte for byte.
import { describe, expect, it } from 'vitest';
import {
  applySnapshot,
  evaluateWatch,
  normalize,
  parseRequest,
  type RuleMemory,
} from '../../../main/engine/ingest/index.js';
import type { FieldChange } from '../../../shared/contract/feed.js';
import type { ProductState } from '../../../shared/contract/product.js';
import type { RawRequest } from '../../../shared/contract/quarantine.js';
import type { Watch } from '../../../shared/contract/watch.js';
import { itemKeyOf } from '../../../shared/domain/watch-target.js';
import { FLIP_WATCH, loadFixtures, type PostbackFixture } from '../../helpers/fixtures.js';

const fixtures = loadFixtures();
const flipWatch: Watch = {
  id: 'flip-watch',
  target: { ...FLIP_WATCH.target },
  rules: FLIP_WATCH.rules.map((rule) => ({ ...rule })),
  muted: false,
  createdAt: '2025-01-01T00:00:00.000Z',
};

function toRawRequest(fixture: PostbackFixture): RawRequest {
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
  firstSeen?: boolean;
  state?: ProductState;
  changes?: FieldChange[];
  alerts?: string[];
}

/** Replays all fixtures once, one minute apart, the way the engine applies journal records. */
function replay(): Map<string, Outcome> {
  const states = new Map<string, ProductState>();
  const outcomes = new Map<string, Outcome>();
  let memory: RuleMemory | undefined;
  fixtures.forEach((fixture, index) => {
    if (fixture.expect.status) return; // the receiver's concern: never reaches ingest
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
    const prev = states.get(key);
    const { next, changes, firstSeen } = applySnapshot(prev, snapshot, at);
    states.set(key, next);
    const evaluation = evaluateWatch(flipWatch, prev, next, changes, memory);
    if (key === itemKeyOf(flipWatch.target)) memory = evaluation.memory;
    const alerts = evaluation.alerts.map((alert) => alert.kind);
    outcomes.set(fixture.name, { operation: snapshot.operation, firstSeen, state: next, changes, alerts });
  });
  return outcomes;
}

describe('postback fixtures replayed in order', () => {
  const outcomes = replay();
  const STATE_FIELDS = ['key', 'currentPrice', 'originalPrice', 'stockAvailability', 'inventory', 'removed'] as const;
  const delivered = fixtures.filter((f) => !f.expect.status);

  it('covers every fixture the receiver accepts', () => {
    expect(outcomes.size).toBe(delivered.length);
  });

  it.each(delivered.map((f) => [f.name, f] as const))('%s', (name, fixture) => {
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
    expect(outcome?.firstSeen, 'isNew').toBe(expected.isNew === true);
    if (expected.repeat) expect(outcome?.changes).toEqual([]);
    if (expected.alerts) expect(outcome?.alerts).toEqual(expected.alerts);
  });

  it('tells the story end to end', () => {
    expect(outcomes.get('json-impact-names-insert')?.changes?.slice(4, 6)).toEqual([
      { field: 'currentPrice', from: null, to: 39.99 },
      { field: 'originalPrice', from: null, to: 39.99 },
    ]);
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

  it('applies a late retry as the latest word: the body of the price drop rolls inventory back from 40 to 95', () => {
    expect(outcomes.get('late-retry-of-price-drop')?.changes).toEqual([{ field: 'inventory', from: 40, to: 95 }]);
  });

  it('follows every flip of the lamp: one entry and the right alert per transition, nothing for a repeat', () => {
    const flips = delivered.filter((f) => f.name.startsWith('flip-'));
    const transitions = flips.filter((f) => !f.expect.repeat && !f.expect.isNew);
    expect(transitions.map((f) => outcomes.get(f.name)?.alerts?.length)).not.toContain(0);
    expect(flips.filter((f) => f.expect.repeat).map((f) => outcomes.get(f.name)?.changes)).toEqual([[], []]);
  });
});
