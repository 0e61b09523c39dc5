import { describe, expect, it } from 'vitest';
import { applySnapshot, evaluateWatch, type RuleMemory } from '../../../main/engine/ingest/index.js';
import type { ProductSnapshot, ProductState } from '../../../shared/contract/product.js';
import type { Watch } from '../../../shared/contract/watch.js';
import { snapshot, state, watch } from './helpers.js';

/** Feeds snapshots through diff + rules like the engine does; returns the alert messages of each step. */
function run(w: Watch, start: ProductState | undefined, steps: Partial<ProductSnapshot>[]): string[][] {
  let current = start;
  let memory: RuleMemory | undefined;
  return steps.map((fields, i) => {
    const { next, changes } = applySnapshot(current, snapshot(fields), `2025-01-0${i + 2}T00:00:00.000Z`);
    const result = evaluateWatch(w, current, next, changes, memory);
    current = next;
    memory = result.memory;
    return result.alerts.map((a) => a.message);
  });
}

describe('threshold rules (edge-triggered)', () => {
  it('price-below fires on the way down, stays silent while below, re-arms above', () => {
    const w = watch([{ kind: 'price-below', value: 30 }]);
    const alerts = run(w, state({ currentPrice: 40 }), [
      { currentPrice: 29 },
      { currentPrice: 28 },
      { currentPrice: 31 },
      { currentPrice: 29 },
    ]);
    expect(alerts).toEqual([
      ['Acme Tennis Balls: $40.00 → $29.00 (−27.5%), below $30.00'],
      [],
      [],
      ['Acme Tennis Balls: $31.00 → $29.00 (−6.5%), below $30.00'],
    ]);
  });

  it('a rule that already holds when first evaluated fires once', () => {
    const w = watch([{ kind: 'price-below', value: 35 }]);
    const alerts = run(w, state({ currentPrice: 20 }), [{ inventory: 50 }, { inventory: 40 }]);
    expect(alerts).toEqual([['Acme Tennis Balls: $20.00, below $35.00'], []]);
  });

  it('fires on first sight of the item when it already holds', () => {
    const w = watch([{ kind: 'price-below', value: 35 }]);
    expect(run(w, undefined, [{ currentPrice: 10, currency: 'USD', name: 'Balls' }])).toEqual([
      ['Balls: $10.00, below $35.00'],
    ]);
  });

  it('a removed item is never below, and its removal re-arms the rule', () => {
    const w = watch([{ kind: 'price-below', value: 30 }]);
    const alerts = run(w, state({ currentPrice: 40 }), [
      { currentPrice: 25 },
      { operation: 'Delete' },
      { operation: 'Insert' },
    ]);
    expect(alerts).toEqual([['Acme Tennis Balls: $40.00 → $25.00 (−37.5%), below $30.00'], [], [expect.any(String)]]);
  });

  it('inventory-below fires and re-arms the same way', () => {
    const w = watch([{ kind: 'inventory-below', value: 10 }]);
    const alerts = run(w, state({ inventory: 50 }), [
      { inventory: 5 },
      { inventory: 3 },
      { inventory: 20 },
      { inventory: 9 },
    ]);
    expect(alerts).toEqual([
      ['Acme Tennis Balls: only 5 left (below 10)'],
      [],
      [],
      ['Acme Tennis Balls: only 9 left (below 10)'],
    ]);
  });

  it('remembers nothing it cannot tell (no price yet)', () => {
    const w = watch([{ kind: 'price-below', value: 30 }]);
    const next = state({ currentPrice: undefined, name: 'changed' });
    const result = evaluateWatch(
      w,
      state({ currentPrice: undefined }),
      next,
      [{ field: 'name', from: 'a', to: 'b' }],
      [true],
    );
    expect(result).toEqual({ alerts: [], memory: [true] });
  });
});

describe('event rules', () => {
  it('price-change fires on any price move in the same currency', () => {
    const w = watch([{ kind: 'price-change' }]);
    expect(run(w, state(), [{ currentPrice: 44.99 }, { inventory: 3 }])).toEqual([
      ['Acme Tennis Balls: $39.99 → $44.99 (+12.5%)'],
      [],
    ]);
  });

  it('price-drop-pct fires on a drop of at least the value', () => {
    const w = watch([{ kind: 'price-drop-pct', value: 12.5 }]);
    expect(
      run(w, state(), [{ currentPrice: 34.99 }, { currentPrice: 32 }, { currentPrice: 40 }, { currentPrice: 20 }]),
    ).toEqual([['Acme Tennis Balls: $39.99 → $34.99 (−12.5%)'], [], [], ['Acme Tennis Balls: $40.00 → $20.00 (−50%)']]);
  });

  it('a currency change is never a price drop or a price change', () => {
    const w = watch([{ kind: 'price-drop-pct', value: 5 }, { kind: 'price-change' }]);
    expect(run(w, state({ currentPrice: 100, currency: 'USD' }), [{ currentPrice: 50, currency: 'EUR' }])).toEqual([
      [],
    ]);
  });

  it('a currency-only change never fires price-below, even when the rule holds for the first time', () => {
    const w = watch([{ kind: 'price-below', value: 80 }]);
    expect(run(w, state({ currentPrice: 79, currency: 'USD' }), [{ currency: 'CAD' }])).toEqual([[]]);
    expect(run(w, state({ currentPrice: 79 }), [{ currency: 'USD' }])).toEqual([[]]);
  });

  it('price-below cannot compare across a currency switch; it fires in the new currency on the next price', () => {
    const w = watch([{ kind: 'price-below', value: 80 }]);
    const alerts = run(w, state({ currentPrice: 100, currency: 'USD' }), [
      { currentPrice: 70, currency: 'EUR' },
      { currentPrice: 69, currency: 'EUR' },
    ]);
    expect(alerts).toEqual([[], ['Acme Tennis Balls: €70.00 → €69.00 (−1.4%), below €80.00']]);
  });

  it('back-in-stock fires from any known unavailable state, not from Unknown', () => {
    const w = watch([{ kind: 'back-in-stock' }]);
    for (const from of ['OutOfStock', 'BackOrder', 'PreOrder'] as const) {
      expect(run(w, state({ stockAvailability: from }), [{ stockAvailability: 'InStock' }]), from).toEqual([
        ['Acme Tennis Balls is back in stock'],
      ]);
    }
    expect(run(w, state({ stockAvailability: 'OutOfStock' }), [{ stockAvailability: 'LimitedAvailability' }])).toEqual([
      ['Acme Tennis Balls is back in stock'],
    ]);
    expect(run(w, state({ stockAvailability: 'Unknown' }), [{ stockAvailability: 'InStock' }])).toEqual([[]]);
    expect(run(w, state({ stockAvailability: 'LimitedAvailability' }), [{ stockAvailability: 'InStock' }])).toEqual([
      [],
    ]);
  });

  it('back-in-stock fires when a removed in-stock item returns to the catalog', () => {
    const w = watch([{ kind: 'back-in-stock' }]);
    expect(run(w, state({ removed: true }), [{ operation: 'Insert', stockAvailability: 'InStock' }])).toEqual([
      ['Acme Tennis Balls is back in stock'],
    ]);
  });

  it('out-of-stock fires from a known other state, not from Unknown or a removed item', () => {
    const w = watch([{ kind: 'out-of-stock' }]);
    expect(
      run(w, state(), [{ stockAvailability: 'OutOfStock' }, { stockAvailability: 'OutOfStock', inventory: 0 }]),
    ).toEqual([['Acme Tennis Balls sold out'], []]);
    expect(run(w, state({ stockAvailability: 'BackOrder' }), [{ stockAvailability: 'OutOfStock' }])).toEqual([
      ['Acme Tennis Balls sold out'],
    ]);
    expect(run(w, state({ stockAvailability: 'Unknown' }), [{ stockAvailability: 'OutOfStock' }])).toEqual([[]]);
    expect(run(w, state({ removed: true }), [{ stockAvailability: 'OutOfStock' }])).toEqual([[]]);
    expect(run(w, undefined, [{ stockAvailability: 'OutOfStock' }])).toEqual([[]]);
  });

  it('removed fires when the item leaves the catalog, once', () => {
    const w = watch([{ kind: 'removed' }]);
    expect(run(w, state(), [{ operation: 'Delete' }, { operation: 'Delete' }])).toEqual([
      ['Acme Tennis Balls was removed from the catalog'],
      [],
    ]);
  });

  it('falls back to the item id when there is no name', () => {
    const w = watch([{ kind: 'removed' }]);
    expect(run(w, state({ name: undefined }), [{ operation: 'Delete' }])).toEqual([
      ['ACME-TB-12 was removed from the catalog'],
    ]);
  });
});

describe('evaluateWatch', () => {
  it('raises nothing for a duplicate or no-op and leaves memory alone', () => {
    const w = watch([{ kind: 'price-below', value: 50 }, { kind: 'price-change' }]);
    const prev = state();
    const { next, changes } = applySnapshot(prev, snapshot({ currentPrice: 39.99 }), '2025-01-02T00:00:00.000Z');
    expect(changes).toEqual([]);
    expect(evaluateWatch(w, prev, next, changes, undefined)).toEqual({ alerts: [], memory: [null, null] });
  });

  it('a muted watch raises nothing but still updates memory, so unmuting does not replay', () => {
    const muted = watch([{ kind: 'price-below', value: 30 }], { muted: true });
    const prev = state({ currentPrice: 40 });
    const step = applySnapshot(prev, snapshot({ currentPrice: 25 }), '2025-01-02T00:00:00.000Z');
    const result = evaluateWatch(muted, prev, step.next, step.changes, [false]);
    expect(result).toEqual({ alerts: [], memory: [true] });
    const again = applySnapshot(step.next, snapshot({ currentPrice: 24 }), '2025-01-03T00:00:00.000Z');
    const unmuted = { ...muted, muted: false };
    expect(evaluateWatch(unmuted, step.next, again.next, again.changes, result.memory).alerts).toEqual([]);
  });

  it('ignores a product the watch does not target', () => {
    const w = watch([{ kind: 'price-change' }], { target: { catalogId: '24836', catalogItemId: 'OTHER' } });
    const prev = state();
    const step = applySnapshot(prev, snapshot({ currentPrice: 1 }), '2025-01-02T00:00:00.000Z');
    expect(evaluateWatch(w, prev, step.next, step.changes, [true])).toEqual({ alerts: [], memory: [true] });
  });

  it('evaluates several rules at once, each with its own memory slot', () => {
    const w = watch([
      { kind: 'price-below', value: 30 },
      { kind: 'back-in-stock' },
      { kind: 'inventory-below', value: 10 },
    ]);
    const prev = state({ currentPrice: 40, stockAvailability: 'OutOfStock', inventory: 0 });
    const step = applySnapshot(prev, snapshot({ currentPrice: 25, stockAvailability: 'InStock', inventory: 50 }), 'x');
    const result = evaluateWatch(w, prev, step.next, step.changes, [false, false, true]);
    expect(result.alerts.map((a) => [a.watchId, a.kind])).toEqual([
      ['w1', 'price-below'],
      ['w1', 'back-in-stock'],
    ]);
    expect(result.memory).toEqual([true, true, false]);
  });

  it('skips valued rules without a value', () => {
    const w = watch([{ kind: 'price-below' }, { kind: 'price-drop-pct' }]);
    expect(run(w, state(), [{ currentPrice: 1 }])).toEqual([[]]);
  });
});
