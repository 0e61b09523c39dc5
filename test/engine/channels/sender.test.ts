import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_BASES } from '../../../main/engine/channels/address.js';
import { DEFAULT_RETRY } from '../../../main/engine/channels/retry-policy.js';
import type { ChannelSecretMap } from '../../../main/engine/channels/secret-store.js';
import { ChannelSecrets } from '../../../main/engine/channels/secrets.js';
import { ChannelSender, MISSING_ADDRESS } from '../../../main/engine/channels/sender.js';
import { type FakeTarget, startFakeTarget } from '../../fakes/channel-target.js';
import { manualClock } from '../../fakes/manual-clock.js';
import { applyHarness, HARNESS_START_MS } from '../../helpers/apply-harness.js';
import { until } from '../../helpers/until.js';
import { channel, priceChange, watched } from './outbox-fixtures.js';
import { noLinks } from './sample-message.js';

const SLACK_URL = 'slack://T0123ABCD/B0456EFGH/x0YzAbCdEfGhIjKlMnOpQrSt';
const silent = { info() {}, warn() {}, error() {} };

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A store with a Slack channel (digest 0) and `alerts` price alerts waiting for it; the sender not started. */
async function setup(alerts: number, secrets: ChannelSecretMap = { c1: { url: SLACK_URL } }) {
  const h = applyHarness();
  watched(h);
  h.command({ kind: 'createChannel', channel: channel('c1', { kind: 'slack' }) });
  for (let i = 0; i < alerts; i++) {
    priceChange(h, 'A', 10 + i);
    priceChange(h, 'A', 11 + i);
  }
  const target = await startFakeTarget('slack');
  closers.push(target.close);
  // the sender's clock starts after the alerts were raised
  const clock = manualClock(HARNESS_START_MS + 60_000);
  const newSender = () => {
    const sender = new ChannelSender({
      store: h.store,
      secrets: new ChannelSecrets({ load: () => secrets, save() {} }, silent),
      delivery: { bases: { ...DEFAULT_BASES, slack: target.origin }, render: noLinks, timeoutMs: 5_000 },
      retry: DEFAULT_RETRY,
      clock: clock.now,
      log: silent,
      random: () => 0.5,
    });
    closers.push(() => sender.stop());
    return sender;
  };
  const sender = newSender();
  /** one pass, then wait for what it started */
  const pass = async (which = sender) => {
    which.pass();
    await which.settled();
  };
  return { store: h.store, target, clock, sender, newSender, pass };
}

const texts = (target: FakeTarget) => target.accepted.map((request) => String(request.json.text));

describe('the sender', () => {
  it('delivers a channel’s messages in order, one at a time, at most one a second to a Slack web hook', async () => {
    const { store, target, clock, pass } = await setup(3);
    const expected = [10, 11, 12].map((price) => `Item A: $${price}.00 → $${price + 1}.00 `);
    await pass();
    await pass(); // the same second: Slack's pace holds the next one back
    expect(texts(target).map((text, i) => text.startsWith(expected[i] ?? '?'))).toEqual([true]);
    clock.advance(999);
    await pass();
    expect(target.accepted).toHaveLength(1);
    clock.advance(1);
    await pass();
    clock.advance(1000);
    await pass();
    expect(texts(target).map((text, i) => text.startsWith(expected[i] ?? '?'))).toEqual([true, true, true]);
    expect(store.outbox.counts('c1')).toEqual({ waiting: 0, failed: 0 });
    expect(store.channels.get('c1')?.lastSentAt).toBe(clock.now());
  });

  it('a target that is down: tried again after a backoff with jitter, the error shown meanwhile', async () => {
    const { store, target, clock, pass } = await setup(1);
    target.answerNext({ status: 503 });
    await pass();
    const failedAt = clock.now();
    // the first retry waits 5 s doubled from nothing: half fixed, half random (0.5 here) → 3.75 s
    expect(store.outbox.head('c1')).toMatchObject({ attempts: 1, dueAt: failedAt + 3_750 });
    expect(store.channels.get('c1')).toMatchObject({
      lastError: 'Slack answered 503: the service is having trouble; trying again',
      lastErrorAt: failedAt,
    });
    expect(store.outbox.counts('c1')).toEqual({ waiting: 1, failed: 0 });
    clock.advance(3_749);
    await pass();
    expect(target.received).toHaveLength(1);
    clock.advance(1);
    await pass();
    expect(target.accepted).toHaveLength(1);
    expect(store.outbox.counts('c1')).toEqual({ waiting: 0, failed: 0 });
  });

  it('429 with Retry-After: waits exactly as asked, even across a restart; its own backoff a restart cuts short', async () => {
    const { store, target, clock, sender, pass } = await setup(1);
    target.answerNext({ status: 429, headers: { 'retry-after': '7' }, body: 'rate_limited' });
    await pass();
    const askedAt = clock.now();
    expect(store.outbox.head('c1')?.dueAt).toBe(askedAt + 7_000);
    store.outbox.retryNow(clock.now()); // what a start does
    expect(store.outbox.head('c1')?.dueAt).toBe(askedAt + 7_000);
    clock.advance(6_999);
    await pass();
    expect(target.received).toHaveLength(1);
    clock.advance(1);
    target.answerNext({ status: 503 });
    await pass();
    expect(target.received).toHaveLength(2);
    expect(store.outbox.head('c1')?.dueAt).toBeGreaterThan(clock.now());
    store.outbox.retryNow(clock.now());
    expect(store.outbox.head('c1')?.dueAt).toBe(clock.now());
    await sender.stop();
  });

  it('after 24 hours of failures the message is marked failed and the channel says so', async () => {
    const { store, target, clock, pass } = await setup(2);
    target.answerAlways({ status: 503 });
    await pass();
    const first = store.outbox.head('c1');
    clock.setTime((first?.windowEnd ?? 0) + 24 * 3_600_000);
    await pass();
    expect(store.outbox.counts('c1')).toEqual({ waiting: 0, failed: 2 });
    expect(store.channels.get('c1')?.lastError).toBe(
      'Not delivered within 24 hours; the last answer: Slack answered 503: the service is having trouble; trying again',
    );
    // the message behind it, never tried, is as old: failed without being sent
    expect(target.received).toHaveLength(2);
  });

  it('never sends a message more than 24 hours old that was never tried (a database rebuilt from the journal)', async () => {
    const { store, target, clock, pass } = await setup(1);
    clock.setTime((store.outbox.head('c1')?.windowEnd ?? 0) + 24 * 3_600_000);
    await pass();
    expect(target.received).toHaveLength(0);
    expect(store.outbox.counts('c1')).toEqual({ waiting: 0, failed: 1 });
  });

  it('a refusal fails the message at once and the next one goes on', async () => {
    const { store, target, clock, pass } = await setup(2);
    target.answerNext({ status: 404, body: 'no_service' });
    await pass();
    expect(store.outbox.counts('c1')).toEqual({ waiting: 1, failed: 1 });
    expect(store.channels.get('c1')?.lastError).toBe(
      'Slack answered 404 (no_service): the address does not exist (removed, or mistyped)',
    );
    clock.advance(1_000);
    await pass();
    expect(target.accepted).toHaveLength(1);
    expect(store.outbox.counts('c1')).toEqual({ waiting: 0, failed: 1 });
  });

  it('a channel whose address is missing from the secret store fails its messages, saying what to do', async () => {
    const { store, target, pass } = await setup(1, {});
    await pass();
    expect(target.received).toHaveLength(0);
    expect(store.outbox.counts('c1')).toEqual({ waiting: 0, failed: 1 });
    expect(store.channels.get('c1')?.lastError).toBe(MISSING_ADDRESS);
  });

  it('a message on its way when the sender stops stays waiting, and goes out at the next start', async () => {
    const { store, target, sender, newSender, pass } = await setup(1);
    target.answerNext({ status: 200, body: 'ok', delayMs: 5_000 });
    sender.pass();
    await until('the target has the message', () => target.received.length === 1);
    await sender.stop();
    expect(store.outbox.counts('c1')).toEqual({ waiting: 1, failed: 0 });
    expect(store.outbox.head('c1')?.attempts).toBe(0);
    await pass(newSender());
    expect(store.outbox.counts('c1')).toEqual({ waiting: 0, failed: 0 });
    expect(target.received).toHaveLength(2);
  });
});
