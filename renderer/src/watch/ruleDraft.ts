// Rule values are edited as text (so "1." can be typed) and checked before anything is saved.
import type { RuleKind, WatchRule } from '../../../shared/model.js';
import { needsValue } from './defaultRules.js';

export interface RuleDraft {
  kind: RuleKind;
  value: string;
}

export const toDrafts = (rules: WatchRule[]): RuleDraft[] =>
  rules.map((rule) => ({ kind: rule.kind, value: rule.value === undefined ? '' : String(rule.value) }));

/** The problem with a draft, in words, or null when it can be saved. */
export function draftProblem(draft: RuleDraft): string | null {
  if (!needsValue(draft.kind)) return null;
  const value = Number(draft.value);
  if (draft.value.trim() === '' || !Number.isFinite(value)) return 'Enter a number';
  if (value <= 0) return 'Must be above 0';
  if (draft.kind === 'price-drop-pct' && value >= 100) return 'Must be below 100 (%)';
  return null;
}

export function fromDrafts(drafts: RuleDraft[]): WatchRule[] {
  return drafts.map((draft) =>
    needsValue(draft.kind) ? { kind: draft.kind, value: Number(draft.value) } : { kind: draft.kind },
  );
}

export function sameRules(a: WatchRule[], b: WatchRule[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
