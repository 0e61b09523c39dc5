// Stream ids: "<seq>" (whole records, what every version sends) and "<seq>.<n>" (partway through a record), and the
// follower's sequencer resuming from and de-duplicating on either.
import { describe, expect, it } from 'vitest';
import { EventSequencer } from '../../main/follower/event-sequencer.js';
import {
  comparePoints,
  pointOfEntry,
  type StreamPoint,
  streamIdOf,
  streamPointOf,
} from '../../shared/domain/stream-point.js';
import { makeEntry } from '../fakes/ui-data.js';
import { memoryStore } from '../hub/follower-harness.js';

describe('stream ids', () => {
  it('reads a whole record and a point partway through one, and writes them back the same', () => {
    expect(streamPointOf('41')).toEqual({ seq: 41, index: Number.POSITIVE_INFINITY });
    expect(streamPointOf('41.0')).toEqual({ seq: 41, index: 0 });
    expect(streamPointOf('41.199')).toEqual({ seq: 41, index: 199 });
    for (const id of ['41', '41.0', '41.199']) expect(streamIdOf(streamPointOf(id) as never)).toBe(id);
    for (const id of ['', '-1', '4.1.2', '41.', '.3', '41.12345', 'x', '1e3', null, undefined]) {
      expect(streamPointOf(id)).toBeNull();
    }
  });

  it('orders points: within a record by index, and the whole record after any of its entries', () => {
    const order = ['40', '41.0', '41.1', '41.199', '41', '42.0'].map((id) => streamPointOf(id) as StreamPoint);
    for (const [i, point] of order.slice(1).entries()) {
      expect(comparePoints(order[i] as StreamPoint, point)).toBeLessThan(0);
    }
    expect(comparePoints(order[2] as StreamPoint, order[2] as StreamPoint)).toBe(0);
  });

  it("reads a feed entry's own id, where a bare seq is the record's first entry", () => {
    expect(pointOfEntry({ id: '41', seq: 41 })).toEqual({ seq: 41, index: 0 });
    expect(pointOfEntry({ id: '41.7', seq: 41 })).toEqual({ seq: 41, index: 7 });
  });
});

describe("the follower's sequencer with ids partway through a record", () => {
  const feed = (id: string) => ({
    event: 'feed',
    id,
    data: JSON.stringify({ type: 'feed', entries: [makeEntry({ id, seq: Number.parseInt(id, 10) })] }),
  });

  it('keeps the partial id as its resume point, skips a repeat of it, and moves on to the whole record', () => {
    const store = memoryStore('41.199');
    const delivered: string[] = [];
    const sequencer = new EventSequencer({
      store,
      deliver: (event) => {
        if (event.type === 'feed') delivered.push(...event.entries.map((entry) => entry.id));
      },
      log: () => {},
    });
    expect(sequencer.resumeFrom()).toBe('41.199');
    sequencer.handle(feed('41.199'), { catchUp: true }); // the hub repeated the resume point
    sequencer.handle(feed('41.399'), { catchUp: true });
    expect(store.current).toBe('41.399');
    sequencer.handle(feed('41'), { catchUp: true });
    expect(store.current).toBe('41');
    expect(sequencer.handle({ event: 'live', id: '41', data: '{}' }, { catchUp: true })).toBe('live');
    expect(delivered).toEqual(['41.399', '41']);
  });

  it('an earlier point than it had, even within one record, is a hub that went back: reload', () => {
    const store = memoryStore('41.399');
    const events: string[] = [];
    const sequencer = new EventSequencer({ store, deliver: (event) => events.push(event.type), log: () => {} });
    sequencer.resumeFrom();
    sequencer.handle(feed('41.199'), { catchUp: true });
    expect(events).toEqual(['reset', 'feed']);
  });
});
