// Watch rules over one update: which alerts fire, and what each rule remembers for next time.
import type { Alert, FieldChange } from '../../../shared/contract/feed.js';
import type { ProductState } from '../../../shared/contract/product.js';
import type { Watch, WatchRule } from '../../../shared/contract/watch.js';
import { describePriceMove } from '../../../shared/domain/describe.js';
import { formatPrice } from '../../../shared/domain/money.js';
import { watchCovers } from '../../../shared/domain/watch-target.js';
import {
  cameBackInStock,
  droppedBy,
  isThresholdRule,
  type PriceMove,
  priceMove,
  thresholdHolds,
  wasRemoved,
  wentOutOfStock,
} from './rule-checks.js';

export type RuleMemory = (boolean | null)[];

export interface WatchEvaluation {
  alerts: Alert[];
  memory: RuleMemory;
}

/**
 * memory[i]: whether rule i's condition held when last evaluated (null: never evaluated, or cannot be told).
 * Threshold rules fire on the edge into "holds" (a rule that already holds on its first evaluation fires once) and
 * re-arm when the condition stops holding. Event rules fire on a transition in this update; their memory records
 * whether they fired. A no-op update (a known item, nothing changed: duplicates, retries) evaluates nothing.
 */
export function evaluateWatch(
  watch: Watch,
  prev: ProductState | undefined,
  next: ProductState,
  changes: FieldChange[],
  memory: RuleMemory | undefined,
  /** whether the partner's pages link to the product (for a watch on `{ linkedFromPages: true }`) */
  linkedFromPages = false,
): WatchEvaluation {
  const remembered: RuleMemory = watch.rules.map((_, i) => memory?.[i] ?? null);
  if (!watchCovers(watch.target, next, linkedFromPages) || (prev !== undefined && changes.length === 0)) {
    return { alerts: [], memory: remembered };
  }

  const move = priceMove(prev, next, changes);
  // A price in another currency cannot be compared with the rule's value, and a change of nothing but the currency
  // says nothing new about the price: neither fires (or re-arms) a price threshold.
  const currency = changes.find((change) => change.field === 'currency');
  const currencySwitched = currency !== undefined && currency.from !== null && currency.to !== null;
  const onlyCurrency = currency !== undefined && changes.length === 1;
  const priceUnknowable = prev !== undefined && (currencySwitched || onlyCurrency);
  const alerts: Alert[] = [];
  const updated = watch.rules.map((rule, i): boolean | null => {
    if (isThresholdRule(rule)) {
      if (priceUnknowable && rule.kind === 'price-below') return remembered[i] ?? null;
      const holds = thresholdHolds(rule, next);
      if (holds === undefined) return remembered[i] ?? null;
      if (holds && remembered[i] !== true) alerts.push(alertFor(watch, rule, next, move));
      return holds;
    }
    const fired = eventFired(rule, prev, next, changes, move);
    if (fired) alerts.push(alertFor(watch, rule, next, move));
    return fired;
  });
  return { alerts: watch.muted ? [] : alerts, memory: updated };
}

function eventFired(
  rule: WatchRule,
  prev: ProductState | undefined,
  next: ProductState,
  changes: FieldChange[],
  move: PriceMove | undefined,
): boolean {
  switch (rule.kind) {
    case 'price-change':
      return move !== undefined;
    case 'price-drop-pct':
      return move !== undefined && rule.value !== undefined && droppedBy(move, rule.value);
    case 'back-in-stock':
      return cameBackInStock(prev, next);
    case 'out-of-stock':
      return wentOutOfStock(prev, next);
    case 'removed':
      return wasRemoved(changes);
    default:
      return false;
  }
}

/** Plain text, led by the product name (or its item id when the brand never sent a name). */
function alertFor(watch: Watch, rule: WatchRule, next: ProductState, move: PriceMove | undefined): Alert {
  const name = next.name ?? next.catalogItemId;
  const price = move
    ? describePriceMove(move.from, move.to, next.currency)
    : next.currentPrice !== undefined
      ? formatPrice(next.currentPrice, next.currency)
      : '';
  let message: string;
  switch (rule.kind) {
    case 'price-below':
      message = `${name}: ${price}, below ${formatPrice(rule.value ?? 0, next.currency)}`;
      break;
    case 'price-drop-pct':
    case 'price-change':
      message = `${name}: ${price}`;
      break;
    case 'inventory-below':
      message = `${name}: only ${next.inventory ?? 0} left (below ${rule.value ?? 0})`;
      break;
    case 'back-in-stock':
      message = `${name} is back in stock`;
      break;
    case 'out-of-stock':
      message = `${name} sold out`;
      break;
    case 'removed':
      message = `${name} was removed from the catalog`;
      break;
  }
  return { watchId: watch.id, kind: rule.kind, message };
}
