// impact.com's {Operation}: Insert | Update | Delete, the only "what happened" a postback carries.
import type { Operation } from '../../../shared/contract/enums.js';

const OPERATIONS: Record<string, Operation> = { insert: 'Insert', update: 'Update', delete: 'Delete' };

export interface ParsedOperation {
  operation: Operation;
  /** the word as sent, when it was none of impact.com's three (the feed shows it; it is applied as an update) */
  unknown?: string;
}

/**
 * Missing → 'Update': a postback always describes the item's current values, and an update is the reading that
 * loses nothing. Another word ("Create", "Modified") is applied as an update too, but never silently: it is kept
 * so the feed can say so, because only impact.com's own words are certain (Delete, above all, is never guessed).
 */
export function parseOperation(value: string | undefined): ParsedOperation {
  const text = (value ?? '').trim();
  const folded = text.toLowerCase().replace(/[^a-z]/g, '');
  if (Object.hasOwn(OPERATIONS, folded)) return { operation: OPERATIONS[folded] as Operation };
  return text === '' ? { operation: 'Update' } : { operation: 'Update', unknown: text.slice(0, 40) };
}
