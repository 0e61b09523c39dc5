// Watches and their rules. A watch has at most one rule of each kind (a repeat would raise the same alert twice);
// valued kinds need a value in their range (shared/contract/ranges.ts, which the rules editor also reads).
import { z } from 'zod';
import { RULE_KINDS } from './enums.js';
import { predicateOf } from './issues.js';
import { isInRuleRange, ruleValueRange } from './ranges.js';

export const ruleSchema = z
  .strictObject({
    kind: z.enum(RULE_KINDS, { error: `must be one of: ${RULE_KINDS.join(', ')}` }),
    value: z.number().optional(),
  })
  .superRefine((rule, context) => {
    const range = ruleValueRange(rule.kind);
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

const catalogIdSchema = z
  .string()
  .trim()
  .regex(/^\d{1,20}$/, { error: 'must be a number, e.g. 24836 (the catalog id)' });

/** One item. */
export const itemTargetSchema = z.strictObject({
  catalogId: catalogIdSchema,
  catalogItemId: z.string().trim().min(1, { error: 'is missing: enter the item id (CatalogItemId)' }).max(200),
});

const catalogTargetSchema = z.strictObject({ catalogId: catalogIdSchema });

const campaignTargetSchema = z.strictObject({
  campaignId: z
    .string()
    .trim()
    .regex(/^\d{1,20}$/, { error: 'must be a number (the brand’s campaign id)' }),
});

/** Everything the partner's own pages link to (issue 18), as the last scan of their sites found it. */
const linkedTargetSchema = z.strictObject({
  linkedFromPages: z.literal(true, { error: 'must be true: everything your pages link to' }),
});

type ItemTarget = z.infer<typeof itemTargetSchema>;
type CatalogTarget = z.infer<typeof catalogTargetSchema>;
type CampaignTarget = z.infer<typeof campaignTargetSchema>;
type LinkedTarget = z.infer<typeof linkedTargetSchema>;
/**
 * A watch covers one item, a whole catalog, a whole brand (its campaign, impact.com's program), or every product the
 * partner's pages link to.
 */
export type WatchTarget = ItemTarget | CatalogTarget | CampaignTarget | LinkedTarget;

/**
 * The kind of target is read from the keys it has (linkedFromPages: the pages' products; a campaignId: a brand; a
 * catalogItemId: an item; else a catalog),
 * so a mistake is reported on the field it is in ("target.catalogItemId must not be empty") rather than as "matches
 * none of three shapes". Callers type a WatchTarget (z.custom lets anything through to the transform, which checks).
 */
export const watchTargetSchema = z.custom<WatchTarget>().transform((value: unknown, context): WatchTarget => {
  const has = (key: string) => typeof value === 'object' && value !== null && key in value;
  const schema = has('linkedFromPages')
    ? linkedTargetSchema
    : has('campaignId')
      ? campaignTargetSchema
      : has('catalogItemId')
        ? itemTargetSchema
        : catalogTargetSchema;
  const result = schema.safeParse(value, { error: predicateOf });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    // An unknown key is reported on the key itself ("target.shop is not a known field").
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
    for (const path of paths) context.addIssue({ code: 'custom', message: issue.message, path, input: issue.input });
  }
  return z.NEVER;
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
export type { ItemTarget };
export type WatchInput = z.infer<typeof watchInputSchema>;
export type WatchPatch = z.infer<typeof watchPatchSchema>;
export type Watch = z.infer<typeof watchSchema>;
