import { describe, expect, it } from 'vitest';
import { applySnapshot, historyPoint, shouldRecordHistory } from '../../../main/engine/ingest/index.js';
import { snapshot, state } from './helpers.js';

const T1 = '2025-01-01T00:00:00.000Z';
const T2 = '2025-01-02T00:00:00.000Z';

describe('applySnapshot: first sight', () => {
  it('creates the state and lists its starting values as changes from nothing', () => {
    const result = applySnapshot(
      undefined,
      snapshot({ operation: 'Insert', currentPrice: 39.99, currency: 'USD' }),
      T1,
    );
    expect(result).toEqual({
      firstSeen: true,
      changes: [
        { field: 'currentPrice', from: null, to: 39.99 },
        { field: 'currency', from: null, to: 'USD' },
      ],
      next: {
        key: '24836:ACME-TB-12',
        catalogId: '24836',
        catalogItemId: 'ACME-TB-12',
        currentPrice: 39.99,
        currency: 'USD',
        stockAvailability: 'Unknown',
        removed: false,
        firstSeenAt: T1,
        updatedAt: T1,
      },
    });
  });

  it('records a first-seen Delete as removed', () => {
    expect(applySnapshot(undefined, snapshot({ operation: 'Delete' }), T1).next.removed).toBe(true);
  });
});

describe('applySnapshot: later postbacks', () => {
  it('reports tracked changes in TRACKED_FIELDS order with from/to', () => {
    const prev = state({ inventory: 120 });
    const snap = snapshot({ inventory: 95, currentPrice: 34.99, name: 'New name', stockAvailability: 'InStock' });
    const { next, changes, firstSeen } = applySnapshot(prev, snap, T2);
    expect(firstSeen).toBe(false);
    expect(changes).toEqual([
      { field: 'name', from: 'Acme Tennis Balls', to: 'New name' },
      { field: 'currentPrice', from: 39.99, to: 34.99 },
      { field: 'inventory', from: 120, to: 95 },
    ]);
    expect(next).toMatchObject({ currentPrice: 34.99, inventory: 95, updatedAt: T2, firstSeenAt: prev.firstSeenAt });
  });

  it('keeps previous values for fields the snapshot does not carry', () => {
    const { next, changes } = applySnapshot(state(), snapshot({ stockAvailability: 'OutOfStock' }), T2);
    expect(changes.map((c) => c.field)).toEqual(['stockAvailability']);
    expect(next).toMatchObject({ currentPrice: 39.99, currency: 'USD', inventory: 120, name: 'Acme Tennis Balls' });
  });

  it('reports a field appearing for the first time with from: null', () => {
    const { changes } = applySnapshot(state(), snapshot({ originalPrice: 49.99 }), T2);
    expect(changes).toEqual([{ field: 'originalPrice', from: null, to: 49.99 }]);
  });

  it('fills in a program id, a name or a link that earlier postbacks lacked without reporting it', () => {
    const prev = state({ campaignId: undefined, name: undefined, url: undefined, imageUrl: undefined });
    const snap = snapshot({ campaignId: '18244', name: 'Tent', url: 'https://shop.example/t', currentPrice: 39.99 });
    const { next, changes, filledIn } = applySnapshot(prev, snap, T2);
    expect(changes).toEqual([]);
    expect(filledIn?.map((change) => change.field)).toEqual(['campaignId', 'name', 'url']);
    expect(next).toMatchObject({ campaignId: '18244', name: 'Tent', url: 'https://shop.example/t', updatedAt: T1 });
    // once known, a change of them is news
    expect(applySnapshot(next, snapshot({ campaignId: '18245' }), T2).changes).toEqual([
      { field: 'campaignId', from: '18244', to: '18245' },
    ]);
  });

  it('compares prices with a tolerance and keeps the stored number', () => {
    const { next, changes } = applySnapshot(state({ currentPrice: 0.3 }), snapshot({ currentPrice: 0.1 + 0.2 }), T2);
    expect(changes).toEqual([]);
    expect(next.currentPrice).toBe(0.3);
    expect(next.updatedAt).toBe(T1);
  });

  it('does not move updatedAt and reports nothing for a no-op', () => {
    const prev = state();
    const { next, changes } = applySnapshot(prev, snapshot({ currentPrice: 39.99, stockAvailability: 'InStock' }), T2);
    expect(changes).toEqual([]);
    expect(next).toEqual(prev);
  });

  it('marks a Delete as removed and leaves the other fields alone', () => {
    const prev = state();
    const { next, changes } = applySnapshot(prev, snapshot({ operation: 'Delete', currentPrice: 1 }), T2);
    expect(changes).toEqual([{ field: 'removed', from: false, to: true }]);
    expect(next).toEqual({ ...prev, removed: true, updatedAt: T2 });
  });

  it('brings a removed item back on Insert or Update', () => {
    for (const operation of ['Insert', 'Update'] as const) {
      const { next, changes } = applySnapshot(state({ removed: true }), snapshot({ operation }), T2);
      expect(changes).toEqual([{ field: 'removed', from: true, to: false }]);
      expect(next.removed).toBe(false);
    }
  });

  it('a repeated Delete changes nothing', () => {
    expect(applySnapshot(state({ removed: true }), snapshot({ operation: 'Delete' }), T2).changes).toEqual([]);
  });

  it('does not mutate the previous state', () => {
    const prev = state();
    const copy = structuredClone(prev);
    applySnapshot(prev, snapshot({ currentPrice: 1, operation: 'Delete' }), T2);
    applySnapshot(prev, snapshot({ currentPrice: 1 }), T2);
    expect(prev).toEqual(copy);
  });
});

describe('history', () => {
  it('a point holds what the chart plots at the state time', () => {
    expect(historyPoint(state({ updatedAt: T2 }))).toEqual({
      at: T2,
      currentPrice: 39.99,
      currency: 'USD',
      stockAvailability: 'InStock',
      inventory: 120,
    });
    expect(historyPoint(state({ currentPrice: undefined, currency: undefined, inventory: undefined }))).toEqual({
      at: T1,
      stockAvailability: 'InStock',
    });
  });

  it('is recorded for price, currency, stock, inventory and removal changes, or a first sighting', () => {
    for (const field of ['currentPrice', 'currency', 'stockAvailability', 'inventory', 'removed'] as const) {
      expect(shouldRecordHistory([{ field, from: null, to: null }]), field).toBe(true);
    }
    for (const field of ['name', 'url', 'imageUrl', 'campaignId', 'originalPrice'] as const) {
      expect(shouldRecordHistory([{ field, from: 'a', to: 'b' }]), field).toBe(false);
    }
    expect(shouldRecordHistory([])).toBe(false);
    expect(shouldRecordHistory([], true)).toBe(true);
  });
});
