// Small builders shared by the ingest tests.
import type { ProductSnapshot, ProductState } from '../../../shared/contract/product.js';
import type { RawRequest } from '../../../shared/contract/quarantine.js';
import type { Watch, WatchRule } from '../../../shared/contract/watch.js';

export function raw(body: string, contentType = '', query = '', method = 'POST'): RawRequest {
  return { method, query, contentType, headers: {}, body };
}

export function snapshot(fields: Partial<ProductSnapshot> = {}): ProductSnapshot {
  return { operation: 'Update', catalogId: '24836', catalogItemId: 'ACME-TB-12', ...fields };
}

export function state(fields: Partial<ProductState> = {}): ProductState {
  return {
    key: '24836:ACME-TB-12',
    catalogId: '24836',
    catalogItemId: 'ACME-TB-12',
    name: 'Acme Tennis Balls',
    currentPrice: 39.99,
    currency: 'USD',
    stockAvailability: 'InStock',
    inventory: 120,
    removed: false,
    firstSeenAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...fields,
  };
}

export function watch(rules: WatchRule[], fields: Partial<Watch> = {}): Watch {
  return {
    id: 'w1',
    target: { catalogId: '24836', catalogItemId: 'ACME-TB-12' },
    rules,
    muted: false,
    createdAt: '2025-01-01T00:00:00.000Z',
    ...fields,
  };
}
