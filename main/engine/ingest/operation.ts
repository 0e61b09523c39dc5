// impact.com's {Operation} (Insert | Update | Delete) and the words partners type instead.
import type { Operation } from '../../../shared/model.js';

const OPERATION_WORDS: Record<string, Operation> = {
  insert: 'Insert',
  inserted: 'Insert',
  add: 'Insert',
  added: 'Insert',
  create: 'Insert',
  created: 'Insert',
  new: 'Insert',
  update: 'Update',
  updated: 'Update',
  change: 'Update',
  changed: 'Update',
  modify: 'Update',
  modified: 'Update',
  delete: 'Delete',
  deleted: 'Delete',
  remove: 'Delete',
  removed: 'Delete',
};

/**
 * Missing or unrecognized → 'Update': a postback always describes the item's current values, and an update is the
 * reading that loses nothing (only Delete changes meaning, and it is never guessed).
 */
export function parseOperation(value: string | undefined): Operation {
  const folded = (value ?? '').toLowerCase().replace(/[^a-z]/g, '');
  return Object.hasOwn(OPERATION_WORDS, folded) ? (OPERATION_WORDS[folded] as Operation) : 'Update';
}
