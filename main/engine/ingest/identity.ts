// The item's identity (CatalogId, CatalogItemId): present, a test postback, or a reason the user can act on.
import type { CanonicalField } from './aliases.js';
import type { Candidates } from './candidates.js';
import { isMissing, isPlaceholder, MAX_ID_LENGTH, parseDigits } from './clean-values.js';

export type IdentityResult =
  | { kind: 'found'; catalogId: string; catalogItemId: string }
  | { kind: 'test' }
  | { kind: 'unusable'; reason: string };

const LABELS = { catalogId: 'catalog id', catalogItemId: 'item id' } as const;
const MAX_KEYS_LISTED = 12;

function readItemId(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed.length <= MAX_ID_LENGTH ? trimmed : undefined;
}

/**
 * A placeholder where an id should be means impact.com's "send test" button (or a template filled without data):
 * the connection works, there is no product. Anything else missing is the user's to fix, so the reason says what.
 */
export function readIdentity(candidates: Candidates, incomingKeys: readonly string[]): IdentityResult {
  const catalogId = candidates.pick('catalogId', parseDigits);
  const catalogItemId = candidates.pick('catalogItemId', readItemId);
  if (catalogId !== undefined && catalogItemId !== undefined) return { kind: 'found', catalogId, catalogItemId };

  const missing: ('catalogId' | 'catalogItemId')[] = [];
  if (catalogId === undefined) missing.push('catalogId');
  if (catalogItemId === undefined) missing.push('catalogItemId');
  const placeholderSent = missing.some((field) => candidates.of(field).some((c) => isPlaceholder(c.value)));
  if (placeholderSent) return { kind: 'test' };
  const reasons = missing.map((field) => explain(field, candidates, incomingKeys));
  const unmapped = missing.some((field) => candidates.of(field).length === 0);
  return { kind: 'unusable', reason: [...reasons, ...(unmapped ? ['add a mapping in Settings'] : [])].join('; ') };
}

function explain(
  field: 'catalogId' | 'catalogItemId',
  candidates: Candidates,
  incomingKeys: readonly string[],
): string {
  const label = `no ${LABELS[field]}`;
  const seen = candidates.of(field);
  if (seen.length === 0) {
    const keys = incomingKeys.slice(0, MAX_KEYS_LISTED).join(', ');
    const more = incomingKeys.length > MAX_KEYS_LISTED ? ` and ${incomingKeys.length - MAX_KEYS_LISTED} more` : '';
    return `${label}: none of the keys ${keys}${more} maps to ${field as CanonicalField}`;
  }
  const sent = seen.filter((c) => !isMissing(c.value));
  if (sent.length === 0)
    return `${label}: ${seen.map((c) => c.key).join(', ')} ${seen.length > 1 ? 'are' : 'is'} empty`;
  const shown = sent.map((c) => `${c.key} "${c.value.trim().slice(0, 40)}"`).join(', ');
  return field === 'catalogId'
    ? `${label}: ${shown} is not a number`
    : `${label}: ${shown} is longer than ${MAX_ID_LENGTH} characters`;
}
