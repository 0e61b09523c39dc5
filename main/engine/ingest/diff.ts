// The stored state of an item + a new snapshot → the next state and what changed. Postbacks carry no old values,
// so this comparison is the only source of "price dropped" or "back in stock".
import { TRACKED_FIELDS, type TrackedField } from '../../../shared/contract/enums.js';
import type { FieldChange } from '../../../shared/contract/feed.js';
import type { HistoryPoint, ProductSnapshot, ProductState } from '../../../shared/contract/product.js';
import { productKey } from '../../../shared/domain/watch-target.js';

export interface ApplyResult {
  next: ProductState;
  changes: FieldChange[];
  firstSeen: boolean;
}

/** Fields a snapshot may carry that are copied onto the state when present (absent = keep the old value). */
const CARRIED = TRACKED_FIELDS.filter(
  (field): field is Exclude<TrackedField, 'removed'> => field !== 'removed',
) satisfies readonly (keyof ProductSnapshot & keyof ProductState)[];

const PRICE_FIELDS: ReadonlySet<TrackedField> = new Set(['currentPrice', 'originalPrice']);
const PRICE_TOLERANCE = 1e-9;

export function applySnapshot(prev: ProductState | undefined, snap: ProductSnapshot, at: string): ApplyResult {
  const key = productKey(snap.catalogId, snap.catalogItemId);
  if (prev === undefined) {
    const next: ProductState = {
      key,
      catalogId: snap.catalogId,
      catalogItemId: snap.catalogItemId,
      stockAvailability: 'Unknown',
      removed: snap.operation === 'Delete',
      firstSeenAt: at,
      updatedAt: at,
    };
    copyPresent(snap, next);
    if (snap.apiId !== undefined) next.apiId = snap.apiId;
    // A first entry lists the starting values, so the feed can say "New: $39.99 · In stock" for good.
    const changes = TRACKED_FIELDS.filter((field) => isStartingValue(field, next[field])).map(
      (field): FieldChange => ({ field, from: null, to: next[field] ?? null }),
    );
    return { next, changes, firstSeen: true };
  }

  const candidate: ProductState = { ...prev, key, catalogId: snap.catalogId, catalogItemId: snap.catalogItemId };
  if (snap.apiId !== undefined) candidate.apiId = snap.apiId; // bookkeeping, not news: never a change
  if (snap.operation === 'Delete') {
    // A Delete may carry little more than the ids: it removes the item and leaves its last known values alone.
    candidate.removed = true;
  } else {
    copyPresent(snap, candidate);
    candidate.removed = false;
  }

  const changes: FieldChange[] = [];
  for (const field of TRACKED_FIELDS) {
    const from = prev[field];
    const to = candidate[field];
    if (sameValue(field, from, to)) {
      // Keep the stored number when within tolerance, so float noise never accumulates.
      if (from !== undefined) (candidate as unknown as Record<string, unknown>)[field] = from;
      continue;
    }
    changes.push({ field, from: from ?? null, to: to ?? null });
  }
  const next = { ...candidate, updatedAt: changes.length > 0 ? at : prev.updatedAt };
  return { next, changes, firstSeen: false };
}

function isStartingValue(field: TrackedField, value: unknown): boolean {
  if (field === 'removed') return false;
  return value !== undefined && !(field === 'stockAvailability' && value === 'Unknown');
}

function copyPresent(snap: ProductSnapshot, target: ProductState): void {
  for (const field of CARRIED) {
    const value = snap[field];
    if (value !== undefined) (target as unknown as Record<string, unknown>)[field] = value;
  }
}

function sameValue(field: TrackedField, from: unknown, to: unknown): boolean {
  if (PRICE_FIELDS.has(field) && typeof from === 'number' && typeof to === 'number') {
    return Math.abs(from - to) < PRICE_TOLERANCE;
  }
  return from === to;
}

/** What the product's history chart plots. */
export function historyPoint(state: ProductState): HistoryPoint {
  const point: HistoryPoint = { at: state.updatedAt, stockAvailability: state.stockAvailability };
  if (state.currentPrice !== undefined) point.currentPrice = state.currentPrice;
  if (state.currency !== undefined) point.currency = state.currency;
  if (state.inventory !== undefined) point.inventory = state.inventory;
  return point;
}

/** Fields a history point shows, plus removal (the chart marks the gap). Name or link edits are not history. */
const HISTORY_FIELDS: ReadonlySet<TrackedField> = new Set([
  'currentPrice',
  'currency',
  'stockAvailability',
  'inventory',
  'removed',
]);

/** True when a point is worth recording: the first sighting, or a change the chart can show. */
export function shouldRecordHistory(changes: readonly FieldChange[], firstSeen = false): boolean {
  return firstSeen || changes.some((change) => HISTORY_FIELDS.has(change.field));
}
