// What each watch rule is called, for people: the rules editor, the watchlist and the alert channels' messages.
import type { RuleKind } from '../contract/enums.js';
import { VALUED_RULE_KINDS } from '../contract/ranges.js';
import type { WatchRule } from '../contract/watch.js';
import { formatPrice } from './money.js';

export const RULE_LABELS: Record<RuleKind, string> = {
  'price-below': 'Price below',
  'price-drop-pct': 'Price drops by at least (%)',
  'price-change': 'Any price change',
  'back-in-stock': 'Back in stock',
  'out-of-stock': 'Out of stock',
  'inventory-below': 'Inventory below',
  removed: 'Removed from catalog',
};

export function needsValue(kind: RuleKind): boolean {
  return VALUED_RULE_KINDS.includes(kind);
}

/**
 * "Price below $25.00", "Back in stock": for compact lists. `currency`: the product's (or its catalog's) when known;
 * a rule on a whole brand compares in each item's own currency.
 */
export function describeRule(rule: WatchRule, currency?: string): string {
  if (!needsValue(rule.kind)) return RULE_LABELS[rule.kind];
  const value = rule.value ?? '?';
  if (rule.kind === 'price-drop-pct') return `Price drops ≥ ${value}%`;
  if (rule.kind === 'price-below' && rule.value !== undefined) {
    return `Price below ${formatPrice(rule.value, currency)}${currency ? '' : ' (in the item’s currency)'}`;
  }
  return `${RULE_LABELS[rule.kind]} ${value}`;
}
