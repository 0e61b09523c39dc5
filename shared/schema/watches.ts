// Watches and their rules. A watch has at most one rule of each kind (a repeat would raise the same alert twice);
// valued kinds need a value in their range (shared/schema/ranges.ts, which the rules editor also reads).
import { z } from 'zod';
import { RULE_KINDS, type RuleKind } from '../model.js';
import { isInRuleRange, RULE_VALUE_RANGES } from './ranges.js';

const valueRanges: Partial<Record<RuleKind, (typeof RULE_VALUE_RANGES)[keyof typeof RULE_VALUE_RANGES]>> =
  RULE_VALUE_RANGES;

export const ruleSchema = z
  .strictObject({
    kind: z.enum(RULE_KINDS, { error: `must be one of: ${RULE_KINDS.join(', ')}` }),
    value: z.number().optional(),
  })
  .superRefine((rule, context) => {
    const range = valueRanges[rule.kind];
    if (!range && rule.value !== undefined) {
      context.addIssue({ code: 'custom', path: ['value'], message: `is not used by the rule "${rule.kind}"` });
    }
    if (range && (rule.value === undefined || !isInRuleRange(range, rule.value))) {
      context.addIssue({ code: 'custom', path: ['value'], message: `must be ${range.text} for "${rule.kind}"` });
    }
  });

export const rulesSchema = z
  .array(ruleSchema)
  .min(1, { error: 'must have at least one rule' })
  .max(RULE_KINDS.length, { error: `must have at most ${RULE_KINDS.length} rules, one of each kind` })
  .superRefine((rules, context) => {
    const seen = new Set<string>();
    rules.forEach((rule, index) => {
      if (seen.has(rule.kind)) {
        const message = `repeats the rule "${rule.kind}": a watch has at most one rule of each kind`;
        context.addIssue({ code: 'custom', path: [index, 'kind'], message });
      }
      seen.add(rule.kind);
    });
  });

export const watchTargetSchema = z.strictObject({
  catalogId: z
    .string()
    .trim()
    .regex(/^\d{1,20}$/, { error: 'must be a number, e.g. 24836 (the catalog id)' }),
  catalogItemId: z.string().trim().min(1, { error: 'is missing: enter the item id (CatalogItemId)' }).max(200),
});

export const watchIdSchema = z.string().min(1).max(100);

export const watchInputSchema = z.strictObject({
  target: watchTargetSchema,
  rules: rulesSchema,
  muted: z.boolean().optional(),
});

export const watchPatchSchema = z.strictObject({
  rules: rulesSchema.optional(),
  muted: z.boolean().optional(),
});

/** A stored watch, as a createWatch command carries it. */
export const watchSchema = z.strictObject({
  id: watchIdSchema,
  target: watchTargetSchema,
  rules: rulesSchema,
  muted: z.boolean(),
  createdAt: z.iso.datetime(),
});

export type WatchRule = z.infer<typeof ruleSchema>;
export type WatchTarget = z.infer<typeof watchTargetSchema>;
export type WatchInput = z.infer<typeof watchInputSchema>;
export type WatchPatch = z.infer<typeof watchPatchSchema>;
export type Watch = z.infer<typeof watchSchema>;
