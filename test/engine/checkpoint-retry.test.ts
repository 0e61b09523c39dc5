// A checkpoint that fails (a locked file) is retried with a growing delay, and only that: postbacks arriving while
// an attempt runs or waits must not queue extra attempts (under load they once did, hammering a locked file).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Checkpointer, type CheckpointOptions } from '../../main/engine/checkpoint.js';
import type { FileSystem } from '../../main/engine/file-system.js';
import type { Store } from '../../main/engine/store/store.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A store whose documents file cannot be written (each attempt takes 300 ms to fail) until `unlock()`. */
function lockedStore() {
  const state = { locked: true, attempts: 0, appliedSeq: 1 };
  const store = {
    db: { name: '/nonexistent/store.db', pragma: () => undefined },
    get appliedSeq() {
      return state.appliedSeq;
    },
    documentsVersion: 0,
    writtenDocuments: { version: 0, appliedSeq: 0 },
    writeDocuments: async (seq: number) => {
      state.attempts++;
      await new Promise((resolve) => setTimeout(resolve, 300));
      if (state.locked) throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
      store.writtenDocuments = { version: 0, appliedSeq: seq };
    },
  };
  return { store: store as unknown as Store, state };
}

const noLogFile = {
  open: async () => {
    throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
  },
} as unknown as FileSystem;

function checkpointer(store: Store, onFault: CheckpointOptions['onFault'] = () => {}) {
  return new Checkpointer({
    store,
    log: { info: () => {}, warn: () => {}, error: () => {} } as unknown as CheckpointOptions['log'],
    quietMs: 10,
    maxDelayMs: 20,
    fsys: noLogFile,
    onFault,
    afterCheckpoint: async () => {},
    savedSeq: 0,
  });
}

describe('a checkpoint that keeps failing', () => {
  it('is retried 2 s, 4 s, 8 s… apart however many postbacks arrive, and succeeds once unlocked', async () => {
    const { store, state } = lockedStore();
    const faults: (Error | null)[] = [];
    const saver = checkpointer(store, (error) => faults.push(error));
    saver.touch();
    // A postback every 100 ms for 14 s, each one touching the checkpointer, during attempts and between them.
    for (let t = 0; t < 14_000; t += 100) {
      state.appliedSeq++;
      saver.touch();
      await vi.advanceTimersByTimeAsync(100);
    }
    // attempts start at ~0 s, ~2.3 s, ~6.6 s, ~14.9 s (each fails after 300 ms): three within 14 s
    expect(state.attempts).toBe(3);
    expect(faults.filter((fault) => fault !== null)).toHaveLength(3);

    state.locked = false;
    await vi.advanceTimersByTimeAsync(20_000);
    expect(state.attempts).toBe(4);
    expect(faults.at(-1)).toBeNull();
    expect(store.writtenDocuments.appliedSeq).toBe(state.appliedSeq);
    saver.stop();
  });
});
