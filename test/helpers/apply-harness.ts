// A test store that journal records are applied to one by one, as the engine applies them, with the sequence
// numbers and clock the engine would give them; closed when the test finishes.
import { onTestFinished } from 'vitest';
import { applyRecord } from '../../main/engine/apply/index.js';
import type { Command, JournalRecord } from '../../main/engine/journal/record.js';
import { queryFeed } from '../../main/engine/store/feed-page.js';
import type { FeedQuery } from '../../shared/contract/feed.js';
import { openTestStore } from './store.js';

/** The harness clock's start, unless given. */
export const HARNESS_START_MS = Date.parse('2026-11-27T10:00:00Z');

export function applyHarness(startMs = HARNESS_START_MS) {
  const test = openTestStore();
  onTestFinished(() => test.close());
  const { store } = test;
  let seq = 0;
  let now = startMs;
  return {
    store,
    dir: test.dir,
    product: (key: string) => store.products.byKey(key),
    feed: (query: FeedQuery = {}) => queryFeed(store, { limit: 200, ...query }, 'local'),
    unread: () => store.readState.unread('local'),
    advance: (ms: number) => {
      now += ms;
    },
    postback: (body: Record<string, string> | string) => applyRecord(store, postbackRecord(++seq, now, body)),
    command: (command: Command) => applyRecord(store, { seq: ++seq, at: now, type: 'command', command }),
  };
}

/** A JSON postback as the receiver journals it. */
export function postbackRecord(seq: number, at: number, body: Record<string, string> | string): JournalRecord {
  return {
    seq,
    at,
    type: 'postback',
    raw: {
      method: 'POST',
      query: '',
      contentType: 'application/json',
      headers: {},
      body: typeof body === 'string' ? body : JSON.stringify(body),
    },
  };
}
