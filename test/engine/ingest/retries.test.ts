import { describe, expect, it } from 'vitest';
import { checkRetry, RETRY_WINDOW_MS, snapshotFingerprint } from '../../../main/engine/ingest/index.js';
import { snapshot } from './helpers.js';

const at = (minutes: number) => new Date(Date.UTC(2025, 0, 1, 0, minutes)).toISOString();

describe('checkRetry', () => {
  it('skips a late repeat of an earlier snapshot within the window', () => {
    const drop = snapshot({ currentPrice: 34.99, inventory: 95 });
    const restock = snapshot({ currentPrice: 34.99, inventory: 40 });
    let memory = checkRetry(undefined, drop, at(0));
    expect(memory.retry).toBe(false);
    memory = checkRetry(memory.recent, restock, at(1));
    expect(memory.retry).toBe(false);
    expect(checkRetry(memory.recent, drop, at(5)).retry).toBe(true);
  });

  it('applies the same values again once the window has passed', () => {
    const first = checkRetry(undefined, snapshot({ currentPrice: 1 }), at(0));
    const later = at(RETRY_WINDOW_MS / 60_000 + 1);
    expect(checkRetry(first.recent, snapshot({ currentPrice: 1 }), later)).toEqual({
      retry: false,
      recent: [{ fingerprint: snapshotFingerprint(snapshot({ currentPrice: 1 })), at: later }],
    });
  });

  it('tells snapshots apart by every field, including the operation', () => {
    const base = snapshot({ currentPrice: 1 });
    const memory = checkRetry(undefined, base, at(0)).recent;
    expect(checkRetry(memory, { ...base, operation: 'Delete' }, at(1)).retry).toBe(false);
    expect(checkRetry(memory, { ...base, currentPrice: 2 }, at(1)).retry).toBe(false);
    expect(checkRetry(memory, { ...base, catalogItemId: 'OTHER' }, at(1)).retry).toBe(false);
  });

  it('keeps a bounded memory', () => {
    let recent = checkRetry(undefined, snapshot({ inventory: 0 }), at(0)).recent;
    for (let i = 1; i < 20; i += 1) recent = checkRetry(recent, snapshot({ inventory: i }), at(0)).recent;
    expect(recent).toHaveLength(8);
    expect(checkRetry(recent, snapshot({ inventory: 0 }), at(1)).retry).toBe(false);
    expect(checkRetry(recent, snapshot({ inventory: 19 }), at(1)).retry).toBe(true);
  });
});
