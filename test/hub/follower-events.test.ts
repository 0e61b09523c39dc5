// The follower's event stream against a fake hub over real TLS: resume, reset, backoff, wake, a silent stream,
// revocation. Time is a ManualClock: nothing here waits for a timer, only for the loopback network.
import { describe, expect, it, vi } from 'vitest';
import { REVOKED_MESSAGE } from '../../main/follower/index.js';
import type { Alert } from '../../shared/contract/feed.js';
import { makeEntry, makeProduct } from '../fakes/ui-data.js';
import { FakeHub } from './fake-hub.js';
import { type FollowerUnderTest, fakeHubsForEachTest, follow, pairDevice } from './follower-harness.js';

const hubs = fakeHubsForEachTest();
const { cleanups, startHub } = hubs;

const ALERT: Alert = { watchId: 'w1', kind: 'price-below', message: 'Below $30' };
const entry = (item: string, alerts: Alert[] = []) =>
  makeEntry({ product: makeProduct({ catalogItemId: item }), alerts });

async function followHub(hub: FakeHub, storedId: string | null = null): Promise<FollowerUnderTest> {
  const under = follow(await pairDevice(hub, hubs.certs.hub.fingerprint), storedId);
  cleanups.push(() => under.follower.close());
  return under;
}

const until = (check: () => void) => vi.waitFor(check, { timeout: 5_000, interval: 5 });
const untilState = (under: FollowerUnderTest, state: string) =>
  until(() => expect(under.follower.connection().state).toBe(state));

describe('following the hub', () => {
  it('resumes after the hub drops the stream: every batch once, in order, the missed ones marked catch-up', async () => {
    const hub = await startHub();
    hub.publishFeed([entry('A')]); // before this device followed: not news to it
    const under = await followHub(hub);
    await untilState(under, 'live');
    expect(under.store.current).toBe('1'); // `live` carries the head, so even a quiet device has a resume point

    hub.publishFeed([entry('B')]);
    await until(() => expect(under.delivered).toHaveLength(1));
    hub.dropStreams();
    await untilState(under, 'connecting');
    expect(under.clock.pending()).toEqual([500]); // a live stream lost: one quick jittered retry (0.5 × 1 s)
    hub.publishFeed([entry('C', [ALERT])]);
    hub.publishFeed([entry('D'), entry('E')]);
    under.clock.advance(500);
    await untilState(under, 'live');
    hub.publishFeed([entry('F')]);
    await until(() => expect(under.delivered).toHaveLength(5));

    expect(hub.resumes).toEqual([null, '2']);
    expect(under.delivered).toEqual([
      { type: 'feed', detail: [2], catchUp: false },
      { type: 'feed', detail: [3], catchUp: true },
      { type: 'alert', detail: [3], catchUp: true }, // once: derived from its feed, the hub's alert message skipped
      { type: 'feed', detail: [4, 4], catchUp: true },
      { type: 'feed', detail: [5], catchUp: false },
    ]);
    expect(under.store.current).toBe('5');
    expect(under.states.map((state) => state.state)).toEqual(['live', 'connecting', 'live']);
  });

  it('skips a batch the hub repeats at the resume point, and passes status events on', async () => {
    const hub = await startHub();
    for (const item of ['A', 'B', 'C']) hub.publishFeed([entry(item)]);
    hub.repeatResumePoint = true;
    const under = await followHub(hub, '2');
    await untilState(under, 'live');
    hub.publishStatus(7);
    await until(() => expect(under.delivered).toHaveLength(2));
    expect(under.delivered).toEqual([
      { type: 'feed', detail: [3], catchUp: true },
      { type: 'status', detail: [7], catchUp: false },
    ]);
  });

  it('reset: what this device missed is no longer kept; it reloads and resumes from the id the reset gives', async () => {
    const hub = await startHub();
    for (const item of ['A', 'B', 'C', 'D', 'E', 'F']) hub.publishFeed([entry(item)]);
    hub.keepFrom = 5; // retention dropped 1…4
    const under = await followHub(hub, '2');
    await untilState(under, 'live');
    expect(under.delivered).toEqual([{ type: 'reset', detail: [], catchUp: true }]);
    expect(under.store.current).toBe('6');
    hub.publishFeed([entry('G')]);
    await until(() => expect(under.delivered).toHaveLength(2));
    expect(under.delivered[1]).toEqual({ type: 'feed', detail: [7], catchUp: false });
  });

  it('a reset without an id clears the stored one', async () => {
    const hub = await startHub();
    hub.publishFeed([entry('A')]);
    hub.keepFrom = 2;
    hub.resetWithoutId = true;
    const under = await followHub(hub, '0');
    const clear = vi.spyOn(under.store, 'clear');
    await untilState(under, 'live');
    expect(clear).toHaveBeenCalledTimes(1);
    expect(under.delivered).toEqual([{ type: 'reset', detail: [], catchUp: true }]);
  });

  it('retries an unreachable hub with exponential backoff, full jitter, capped at 60 s; "unreachable since" holds', async () => {
    const hub = await startHub();
    hub.eventsStatus = 503;
    const under = await followHub(hub);
    under.random.value = 0.999_999;
    const expected = [999, 1_999, 3_999, 7_999, 15_999, 31_999, 59_999, 59_999, 59_999];
    for (const delay of expected) {
      await until(() => expect(under.clock.pending()).toEqual([delay]));
      under.clock.advance(delay);
    }
    await until(() => expect(hub.resumes).toHaveLength(expected.length + 1));
    expect(under.follower.connection()).toEqual({
      state: 'unreachable',
      since: '2026-03-01T10:32:00.000Z', // the first failure, though the clock is now minutes later
      error: 'The hub is starting.',
    });

    // the jitter: the same attempt waits anywhere below its ceiling (changed once the last failure's wait is set:
    // the hub counts a resume before the follower has read its answer)
    await until(() => expect(under.clock.pending()).toEqual([59_999]));
    under.random.value = 0.25;
    under.clock.advance(59_999);
    await until(() => expect(under.clock.pending()).toEqual([15_000]));

    hub.eventsStatus = null;
    under.clock.advance(15_000);
    await untilState(under, 'live');
    expect(under.follower.connection()).toMatchObject({ since: new Date(under.clock.now()).toISOString() });
    hub.dropStreams(); // live again: the backoff starts over
    await until(() => expect(under.clock.pending()).toEqual([250]));
  });

  it('wake() reconnects at once instead of waiting for the backoff', async () => {
    const hub = await startHub();
    hub.eventsStatus = 503;
    const under = await followHub(hub);
    under.random.value = 0.999_999;
    for (const delay of [999, 1_999, 3_999]) {
      await until(() => expect(under.clock.pending()).toEqual([delay]));
      under.clock.advance(delay);
    }
    await until(() => expect(under.clock.pending()).toEqual([7_999]));
    hub.eventsStatus = null;
    hub.publishFeed([entry('A')]);
    under.follower.wake();
    await untilState(under, 'live');
    expect(under.clock.pending()).toEqual([45_000]); // the dead-stream check only: the retry was cancelled

    // woken while live (the OS resumed: the old connection may be dead without knowing it): a fresh stream at once
    under.follower.wake();
    await until(() => expect(hub.resumes).toHaveLength(6));
    await untilState(under, 'live');
    expect(hub.resumes.slice(-1)).toEqual(['1']);
    hub.publishFeed([entry('B')]);
    await until(() => expect(under.delivered).toHaveLength(1));
    expect(under.delivered).toEqual([{ type: 'feed', detail: [2], catchUp: false }]);
  });

  it('a stream silent for 45 s (no heartbeat) is dead: the follower reconnects', async () => {
    const hub = await startHub();
    const under = await followHub(hub);
    await untilState(under, 'live');
    under.clock.advance(30_000);
    const armed = under.clock.scheduled.length;
    hub.heartbeat();
    await until(() => expect(under.clock.scheduled.length).toBe(armed + 1)); // the heartbeat re-armed the check
    under.clock.advance(44_999);
    expect(hub.resumes).toHaveLength(1);
    expect(under.follower.connection().state).toBe('live');
    under.clock.advance(1);
    expect(under.follower.connection().state).toBe('connecting');
    expect(under.clock.pending()).toEqual([500]);
    under.clock.advance(500);
    await untilState(under, 'live');
    expect(hub.resumes).toEqual([null, '0']);
    expect(under.logs).toContain('Hub event stream: The hub went silent for 45 s.');
  });

  it('revoked: the hub closes the stream, the reconnect gets 401, and the follower stops for good', async () => {
    const hub = await startHub();
    const under = await followHub(hub);
    await untilState(under, 'live');
    const deviceId = [...hub.devices.values()][0]?.id ?? '';
    hub.revoke(deviceId);
    await untilState(under, 'connecting');
    under.clock.advance(500);
    await untilState(under, 'refused');
    expect(under.follower.connection()).toEqual({
      state: 'refused',
      since: new Date(under.clock.now()).toISOString(),
      error: REVOKED_MESSAGE,
    });
    expect(under.clock.pending()).toEqual([]);
    under.follower.wake();
    expect(under.clock.pending()).toEqual([]); // a connect would have armed its timeout right away
    expect(hub.requests.filter((request) => request.path === '/api/events')).toHaveLength(2);
  });

  it('a hub that comes back with another certificate is refused on reconnect, with the fingerprint it showed', async () => {
    const hub = await startHub();
    const under = await followHub(hub);
    await untilState(under, 'live');
    const port = hub.port;
    await hub.close();
    const impostor = await FakeHub.start(hubs.certs.other, port);
    cleanups.push(() => impostor.close());
    await untilState(under, 'connecting');
    under.clock.advance(500);
    await untilState(under, 'refused');
    expect(under.follower.connection().error).toContain(`fingerprint ${hubs.certs.other.fingerprint}`);
    expect(impostor.requests).toEqual([]);
  });

  it('the last listener leaving closes the stream; close() leaves no timer behind', async () => {
    const hub = await startHub();
    const under = await followHub(hub);
    await untilState(under, 'live');
    const second = under.follower.subscribe(() => {});
    expect(hub.streams.size).toBe(1);
    second();
    expect(hub.streams.size).toBe(1);
    await under.follower.close();
    await until(() => expect(hub.streams.size).toBe(0));
    expect(under.clock.pending()).toEqual([]);
  });
});
