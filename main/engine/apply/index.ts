// Applies one journal record to the store. Pure with respect to I/O and the clock: replay gives the same store.
import type { JournalRecord } from '../journal/record.js';
import type { StoreView } from '../store/view.js';
import { applyCommand } from './commands.js';
import type { ApplyEffects } from './effects.js';
import { applyPostback } from './postback.js';

export type { ApplyEffects } from './effects.js';

export function applyRecord(view: StoreView, record: JournalRecord): ApplyEffects {
  const at = new Date(record.at).toISOString();
  const effects =
    record.type === 'postback'
      ? applyPostback(view, record.raw, { seq: record.seq, at, atMs: record.at, index: 0 })
      : applyCommand(view, record.command, record.seq, at);
  view.data.appliedSeq = record.seq;
  return effects;
}

/** A record today's schema refuses counts as dealt with: skipped once, it is not read again after a restart. */
export function skipRecord(view: StoreView, seq: number): void {
  view.data.appliedSeq = seq;
}
