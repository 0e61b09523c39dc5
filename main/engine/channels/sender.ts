// The outbox's delivering side. Each channel is a queue: its oldest waiting message goes first, one at a time,
// paced by the service's limits; a failure waits (backoff with jitter, or the target's Retry-After) and blocks the
// messages behind it, so they arrive in order. A message is deleted only once the target accepted it: a crash or a
// stop mid-send sends it again at the next start (at least once; its id lets the receiver drop the repeat).

import type { ChannelRecord } from '../store/db/channels.js';
import type { OutboxMessage } from '../store/db/outbox.js';
import type { Store } from '../store/store.js';
import type { Logger } from '../types.js';
import type { ChannelAddress } from './address.js';
import { type DeliveryContext, deliver } from './deliver/deliver.js';
import type { DeliveryOutcome } from './deliver/outcome.js';
import { failed } from './deliver/outcome.js';
import type { OutgoingMessage } from './message/outgoing.js';
import { paceMs } from './pacing.js';
import { parseChannelUrl } from './parse-url.js';
import { backoffMs, type RetryPolicy } from './retry-policy.js';
import type { ChannelSecrets } from './secrets.js';

export interface SenderOptions {
  store: Store;
  secrets: ChannelSecrets;
  /** everything an attempt needs but the time and the stop signal */
  delivery: Omit<DeliveryContext, 'now' | 'signal'>;
  retry: RetryPolicy;
  clock: () => number;
  log: Logger;
  random?: () => number;
}

/** Looked at again at least this often, whatever the timers say (a clock that jumped, a channel enabled). */
const IDLE_CHECK_MS = 30_000;
const EXPIRY_CHECK_MS = 60_000;

export const TOO_OLD = 'Not sent: it was more than 24 hours old before Shelfwatch could first send it.';

export const MISSING_ADDRESS =
  'This channel’s address is not in this computer’s secret store (was the data folder copied without it?). Delete the channel and add it again.';

export class ChannelSender {
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private readonly stopping = new AbortController();
  /** channels with a message on its way */
  private readonly busy = new Set<string>();
  private readonly lastAttemptAt = new Map<string, number>();
  private readonly inFlight = new Set<Promise<void>>();
  private expiredAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: SenderOptions) {}

  start(): void {
    this.stopped = false;
    this.options.store.outbox.retryNow(this.options.clock());
    this.wake();
  }

  /** New messages, or a channel changed: look again now. */
  wake(): void {
    if (this.stopped) return;
    this.schedule(0);
  }

  /** Stops sending; a message on its way is abandoned (it stays waiting and goes out at the next start). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.stopping.abort();
    await Promise.allSettled([...this.inFlight]);
  }

  /** Waits until no message is on its way (tests, the bench). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Starts every channel's next message that is due and that pacing allows; then sleeps until the next one is. */
  pass(): void {
    this.timer = null;
    const { store, clock, retry } = this.options;
    const now = clock();
    let next = now + IDLE_CHECK_MS;
    const channels = store.channels.list();
    // At most once a minute: it reads the whole outbox, and a burst wakes the sender after every apply slice.
    if (now - this.expiredAt >= EXPIRY_CHECK_MS) {
      this.expiredAt = now;
      const ids = channels.map((channel) => channel.id);
      const stale = store.outbox.expireUnsent(now - retry.giveUpAfterMs, TOO_OLD, ids);
      if (stale > 0) this.options.log.warn('Alert channels: messages too old to send were marked failed', { stale });
    }
    for (const channel of channels) {
      if (!channel.enabled || this.busy.has(channel.id)) continue;
      const head = store.outbox.head(channel.id);
      if (!head) continue;
      const address = this.addressOf(channel.id);
      const paced = (this.lastAttemptAt.get(channel.id) ?? 0) + (address ? paceMs(address) : 0);
      const at = Math.max(head.dueAt, paced);
      if (at > now) next = Math.min(next, at);
      else this.begin(channel, head, address, now);
    }
    this.schedule(next - now);
  }

  /** Sends a test message straight away (not through the outbox) and records how it went. */
  async test(channel: ChannelRecord, id: string): Promise<DeliveryOutcome> {
    const now = this.options.clock();
    const message: OutgoingMessage = {
      id,
      type: 'test',
      channel: { id: channel.id, name: channel.name },
      items: [],
      total: 0,
      createdAt: new Date(now).toISOString(),
    };
    const outcome = await this.send(channel.id, message);
    this.recordStatus(channel.id, outcome);
    return outcome;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.runPass(), Math.max(0, ms));
    this.timer.unref();
  }

  private runPass(): void {
    try {
      this.pass();
    } catch (error) {
      // the database refused (disk full, damage): the messages stay; look again later
      this.options.log.error('Alert channels: could not read the outbox', { error: (error as Error).message });
      this.timer = null;
      this.schedule(IDLE_CHECK_MS);
    }
  }

  private addressOf(channelId: string): ChannelAddress | null {
    const secret = this.options.secrets.get(channelId);
    const parsed = secret ? parseChannelUrl(secret.url) : null;
    return parsed?.ok ? parsed.address : null;
  }

  private begin(channel: ChannelRecord, head: OutboxMessage, address: ChannelAddress | null, now: number): void {
    const { store } = this.options;
    store.outbox.seal(head.id);
    this.busy.add(channel.id);
    this.lastAttemptAt.set(channel.id, now);
    const message: OutgoingMessage = {
      id: head.messageId,
      type: 'alerts',
      channel: { id: channel.id, name: channel.name },
      items: store.outbox.items(head.id),
      total: head.total,
      createdAt: new Date(head.createdAt).toISOString(),
    };
    const sending = (address ? this.send(channel.id, message) : Promise.resolve(failed(MISSING_ADDRESS, false)))
      .then((outcome) => {
        if (!this.stopping.signal.aborted) this.record(channel.id, head, outcome);
      })
      .catch((error: Error) => {
        if (this.stopping.signal.aborted) return; // abandoned by stop(): it stays waiting
        this.options.log.error('Alert channels: a delivery broke', { error: error.message });
      })
      .finally(() => {
        this.busy.delete(channel.id);
        this.inFlight.delete(sending);
        this.wake();
      });
    this.inFlight.add(sending);
  }

  private async send(channelId: string, message: OutgoingMessage): Promise<DeliveryOutcome> {
    const secret = this.options.secrets.get(channelId);
    const address = this.addressOf(channelId);
    if (!secret || !address) return failed(MISSING_ADDRESS, false);
    const context = { ...this.options.delivery, now: this.options.clock(), signal: this.stopping.signal };
    return deliver(address, secret, message, context);
  }

  /** The outcome and the channel's status in one transaction (one write to the log, not three; undone together). */
  private record(channelId: string, head: OutboxMessage, outcome: DeliveryOutcome): void {
    this.options.store.commit(() => this.recordOutcome(channelId, head, outcome));
  }

  private recordOutcome(channelId: string, head: OutboxMessage, outcome: DeliveryOutcome): void {
    const { store, retry, clock } = this.options;
    this.recordStatus(channelId, outcome);
    if (outcome.ok) {
      store.outbox.delivered(head.id);
      return;
    }
    const now = clock();
    const attempts = head.attempts + 1;
    const giveUpAt = head.windowEnd + retry.giveUpAfterMs;
    if (!outcome.retry || now >= giveUpAt) {
      const why = outcome.retry
        ? `Not delivered within 24 hours; the last answer: ${outcome.problem}`
        : outcome.problem;
      store.outbox.failed(head, attempts, why);
      if (outcome.retry) store.channels.failed(channelId, why, now);
      this.options.log.warn('Alert channels: a message failed', { channel: channelId, message: head.messageId, why });
      return;
    }
    const wait = outcome.retryAfterMs ?? backoffMs(retry, attempts, this.options.random);
    const dueAt = Math.min(now + wait, giveUpAt);
    store.outbox.retryAt(head.id, dueAt, outcome.retryAfterMs !== undefined, attempts, outcome.problem);
  }

  private recordStatus(channelId: string, outcome: DeliveryOutcome): void {
    const { store, clock } = this.options;
    if (outcome.ok) store.channels.sent(channelId, clock());
    else store.channels.failed(channelId, outcome.problem, clock());
  }
}
