import { RULE_KINDS, type RuleKind } from '../../../shared/contract/enums.js';
import type { WatchRule } from '../../../shared/contract/watch.js';

export { describeRule, needsValue, RULE_LABELS } from '../../../shared/domain/rule-words.js';

/** A one-click watch should tell the user about everything that matters without any threshold to pick. */
export const DEFAULT_RULES: WatchRule[] = [
  { kind: 'price-change' },
  { kind: 'back-in-stock' },
  { kind: 'out-of-stock' },
  { kind: 'removed' },
];

/**
 * A whole catalog or brand can hold thousands of items: every small price move would bury the feed in alerts, so a
 * one-click watch of one alerts on big drops and restocks only ("anything from Acme drops ≥ 20%"). Editable after.
 */
export const DEFAULT_SCOPE_RULES: WatchRule[] = [{ kind: 'price-drop-pct', value: 20 }, { kind: 'back-in-stock' }];

/**
 * What the partner's pages link to: the changes that make an article lose money (sold out, gone, dearer) and the
 * news worth updating it for (back in stock, cheaper).
 */
export const DEFAULT_PAGES_RULES: WatchRule[] = [
  { kind: 'out-of-stock' },
  { kind: 'removed' },
  { kind: 'price-change' },
  { kind: 'back-in-stock' },
];

export const ALL_RULE_KINDS: readonly RuleKind[] = RULE_KINDS;
