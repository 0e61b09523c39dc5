// What each watch rule kind tests. Threshold kinds are states (edge-triggered by rules.ts); event kinds are
// transitions between the previous and the next state.
import type { StockAvailability } from '../../../shared/contract/enums.js';
import type { FieldChange } from '../../../shared/contract/feed.js';
import type { ProductState } from '../../../shared/contract/product.js';
import type { WatchRule } from '../../../shared/contract/watch.js';
import { isInStock } from '../../../shared/domain/stock.js';

/** Whether a threshold rule's condition holds now; undefined when it cannot be told (no price yet, no value). */
export function thresholdHolds(rule: WatchRule, state: ProductState): boolean | undefined {
  if (rule.value === undefined || !Number.isFinite(rule.value)) return undefined;
  // A removed item cannot be bought, so it is never "below" anything; its removal re-arms the rule.
  if (rule.kind === 'price-below') {
    if (state.removed) return false;
    return state.currentPrice === undefined ? undefined : state.currentPrice < rule.value;
  }
  if (rule.kind === 'inventory-below') {
    if (state.removed) return false;
    return state.inventory === undefined ? undefined : state.inventory < rule.value;
  }
  return undefined;
}

export function isThresholdRule(rule: WatchRule): boolean {
  return rule.kind === 'price-below' || rule.kind === 'inventory-below';
}

export interface PriceMove {
  from: number;
  to: number;
}

/** A currentPrice change within one currency; a currency switch is never read as a price move. */
export function priceMove(
  prev: ProductState | undefined,
  next: ProductState,
  changes: FieldChange[],
): PriceMove | undefined {
  const change = changes.find((c) => c.field === 'currentPrice');
  if (prev === undefined || change === undefined || prev.currency !== next.currency) return undefined;
  if (typeof change.from !== 'number' || typeof change.to !== 'number') return undefined;
  return { from: change.from, to: change.to };
}

/** Dropped by at least `pct` percent (a tiny epsilon so 12.5 % counts as 12.5 %). */
export function droppedBy(move: PriceMove, pct: number): boolean {
  if (move.from <= 0 || move.to >= move.from) return false;
  return ((move.from - move.to) / move.from) * 100 >= pct - 1e-9;
}

const NOT_BUYABLE: ReadonlySet<StockAvailability> = new Set(['OutOfStock', 'BackOrder', 'PreOrder']);

/**
 * Into stock (InStock, LimitedAvailability) from a known not-buyable state: out of stock, back order, pre-order,
 * or removed from the catalog. From 'Unknown' it does not count: nothing says it was ever unavailable.
 */
export function cameBackInStock(prev: ProductState | undefined, next: ProductState): boolean {
  if (prev === undefined || next.removed || !isInStock(next.stockAvailability)) return false;
  return prev.removed || NOT_BUYABLE.has(prev.stockAvailability);
}

/**
 * Into OutOfStock from a known other state of a listed item. Unknown → OutOfStock does not count (the item may never
 * have been in stock), and neither does a removed item coming back out of stock: it was not buyable before either.
 */
export function wentOutOfStock(prev: ProductState | undefined, next: ProductState): boolean {
  if (prev === undefined || prev.removed || next.removed) return false;
  return (
    next.stockAvailability === 'OutOfStock' &&
    prev.stockAvailability !== 'OutOfStock' &&
    prev.stockAvailability !== 'Unknown'
  );
}

export function wasRemoved(changes: FieldChange[]): boolean {
  return changes.some((c) => c.field === 'removed' && c.from === false && c.to === true);
}
