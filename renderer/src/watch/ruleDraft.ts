// Rule values are edited as text (so "1." can be typed) and checked before anything is saved, against the same
// ranges the API enforces (shared/contract/ranges.ts).
import type { RuleKind } from '../../../shared/contract/enums.js';
import { isInRuleRange, ruleValueRange } from '../../../shared/contract/ranges.js';
import type { WatchRule } from '../../../shared/contract/watch.js';
import { needsValue } from './defaultRules.js';

export interface RuleDraft {
  kind: RuleKind;
  value: string;
}

export const toDrafts = (rules: WatchRule[]): RuleDraft[] =>
  rules.map((rule) => ({ kind: rule.kind, value: rule.value === undefined ? '' : String(rule.value) }));

/** The problem with a draft, in words, or null when it can be saved. */
export function draftProblem(draft: RuleDraft): string | null {
  const range = ruleValueRange(draft.kind);
  if (!needsValue(draft.kind) || !range) return null;
  const value = Number(draft.value);
  if (draft.value.trim() === '' || !Number.isFinite(value)) return 'Enter a number';
  return isInRuleRange(range, value) ? null : `Must be ${range.text}`;
}

/** Each draft's problem, including a kind already used by an earlier rule (a watch has one rule of each kind). */
export function draftProblems(drafts: RuleDraft[]): (string | null)[] {
  return drafts.map((draft, index) =>
    drafts.findIndex((other) => other.kind === draft.kind) < index ? 'Already in this watch' : draftProblem(draft),
  );
}

export function fromDrafts(drafts: RuleDraft[]): WatchRule[] {
  return drafts.map((draft) =>
    needsValue(draft.kind) ? { kind: draft.kind, value: Number(draft.value) } : { kind: draft.kind },
  );
}

export function sameRules(a: WatchRule[], b: WatchRule[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
