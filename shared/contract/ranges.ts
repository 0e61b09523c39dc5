// The number ranges the UI shows and the schemas enforce: one source, so an input's min/max and the API's refusal
// can never disagree. No zod here: the renderer imports this file without bundling the schema library.
import type { RuleKind } from './enums.js';

export interface NumberRange {
  min: number;
  max: number;
}

/** Whole-number settings, by group and field. */
export const SETTINGS_RANGES = {
  notifications: { digestWindowSeconds: { min: 0, max: 3_600 } },
  retention: {
    feedEntries: { min: 100, max: 5_000_000 },
    historyPerProduct: { min: 2, max: 10_000 },
    journalDays: { min: 1, max: 365 },
  },
  receiver: { port: { min: 1, max: 65_535 } },
} as const satisfies Record<string, Record<string, NumberRange>>;

/** Rule values: above `above` (exclusive), and below `below` when set (exclusive) or at most `max`. */
export interface RuleValueRange {
  above: number;
  max?: number;
  below?: number;
  /** "a price above 0", for messages */
  text: string;
}

export const RULE_VALUE_RANGES = {
  'price-below': { above: 0, max: 1_000_000_000, text: 'a price above 0' },
  'price-drop-pct': { above: 0, below: 100, text: 'a percentage above 0 and below 100' },
  'inventory-below': { above: 0, max: 1_000_000_000, text: 'a number above 0' },
} as const satisfies Record<string, RuleValueRange>;

/** Kinds that need a numeric `value`: those with a value range. */
export const VALUED_RULE_KINDS = Object.keys(RULE_VALUE_RANGES) as readonly RuleKind[];

/** The range a rule's value must be in; undefined for a kind that takes no value. */
export function ruleValueRange(kind: RuleKind): RuleValueRange | undefined {
  return (RULE_VALUE_RANGES as Partial<Record<RuleKind, RuleValueRange>>)[kind];
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** "a whole number from 100 to 5,000,000" */
export function wholeNumberText(range: NumberRange): string {
  return `a whole number from ${formatCount(range.min)} to ${formatCount(range.max)}`;
}

export function isInRuleRange(range: RuleValueRange, value: number): boolean {
  if (!Number.isFinite(value) || value <= range.above) return false;
  if (range.below !== undefined && value >= range.below) return false;
  return range.max === undefined || value <= range.max;
}
