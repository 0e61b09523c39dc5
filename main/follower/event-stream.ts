// Follows the hub's event stream: resumes with Last-Event-ID, hands on every feed event exactly once and in order,
// notices a silent stream, reconnects with backoff, and stops for good when the hub refuses this device.
import type { IncomingMessage } from 'node:http';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { errorMessageOf } from '../../shared/contract/http.js';
import { EVENTS_PATH } from '../../shared/contract/routes.js';
import { type BackoffOptions, backoffDelay, DEFAULT_BACKOFF } from './backoff.js';
import type { FollowerClock } from './clock.js';
import type { ConnectionTracker } from './connection-state.js';
import { HubRefusedError, REVOKED_MESSAGE } from './errors.js';
import { EventSequencer, type LastEventIdStore } from './event-sequencer.js';
import type { HubTransport } from './hub-transport.js';
import type { EventMeta, FollowerEvent } from './stream-messages.js';

export interface StreamTiming {
  /** from asking to the response headers */
  connectTimeoutMs: number;
  /** no byte for this long (three missed 15 s heartbeats) = a dead connection, e.g. after sleep */
  deadStreamMs: number;
  backoff: BackoffOptions;
}

export const DEFAULT_TIMING: StreamTiming = {
  connectTimeoutMs: 20_000,
  deadStreamMs: 45_000,
  backoff: DEFAULT_BACKOFF,
};

export interface EventStreamOptions {
  transport: HubTransport;
  token: string;
  store: LastEventIdStore;
  connection: ConnectionTracker;
  clock: FollowerClock;
  random: () => number;
  log: (message: string) => void;
  deliver: (event: FollowerEvent, meta: EventMeta) => void;
  timing?: Partial<StreamTiming>;
}

interface Session {
  abort: AbortController;
  response: IncomingMessage | null;
  live: boolean;
}

export class HubEventStream {
  private readonly timing: StreamTiming;
  private running = false;
  private session: Session | null = null;
  private retryTimer: unknown = null;
  private watchdog: unknown = null;
  /** failures since the stream was last live */
  private attempt = 0;
  /** when the hub was lost (kept until it is live again), for "unreachable since" */
  private lostAt: number | null = null;
  private readonly sequencer: EventSequencer;

  constructor(private readonly options: EventStreamOptions) {
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
    this.sequencer = new EventSequencer(options);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.connect();
  }

  /** Stops following; resolves when the connection is closed. */
  stop(): Promise<void> {
    this.running = false;
    this.clearRetry();
    return this.endSession();
  }

  /** The OS woke up or the network came back: reconnect now rather than at the next backoff step. */
  wake(): void {
    if (!this.running || this.refused) return;
    this.attempt = 0;
    void this.endSession();
    if (this.options.connection.get().state === 'live') this.lostAt = this.options.clock.now();
    this.connect();
  }

  refuse(message: string): void {
    this.clearRetry();
    void this.endSession();
    this.setState('refused', this.options.clock.now(), message);
  }

  private get refused(): boolean {
    return this.options.connection.get().state === 'refused';
  }

  private connect(): void {
    this.clearRetry();
    if (!this.running || this.refused) return;
    const session: Session = { abort: new AbortController(), response: null, live: false };
    this.session = session;
    const stored = this.sequencer.resumeFrom();
    const headers: Record<string, string> = {
      Accept: 'text/event-stream',
      Authorization: `Bearer ${this.options.token}`,
      'Cache-Control': 'no-cache',
    };
    if (stored) headers['Last-Event-ID'] = stored;
    this.armWatchdog(session, this.timing.connectTimeoutMs, 'The hub did not answer');
    this.options.transport
      .open({ method: 'GET', path: EVENTS_PATH, headers, signal: session.abort.signal })
      .then(
        (response) => this.onResponse(session, response),
        (error: unknown) => this.onFailure(session, error),
      )
      .catch((error: unknown) => this.onFailure(session, error));
  }

  private async onResponse(session: Session, response: IncomingMessage): Promise<void> {
    if (session !== this.session) {
      response.destroy();
      return;
    }
    session.response = response;
    const status = response.statusCode ?? 0;
    const type = String(response.headers['content-type'] ?? '');
    if (status !== 200 || !type.startsWith('text/event-stream')) {
      const body = await readSmallBody(response);
      if (session !== this.session) return;
      if (status === 401) this.refuse(REVOKED_MESSAGE);
      else if (status !== 200) this.onFailure(session, new Error(errorMessageOf({ status, body }, REVOKED_MESSAGE)));
      else this.onFailure(session, new Error(`The hub's event stream is not an event stream (${type || 'no type'}).`));
      return;
    }
    if (this.lostAt !== null) this.setState('connecting', this.lostAt, null);
    const parser = createParser({ onEvent: (message) => this.onMessage(session, message) });
    response.setEncoding('utf8');
    this.armWatchdog(session, this.timing.deadStreamMs, 'The hub went silent');
    response.on('data', (chunk: string) => {
      if (session !== this.session) return;
      this.armWatchdog(session, this.timing.deadStreamMs, 'The hub went silent');
      try {
        parser.feed(chunk);
      } catch (error) {
        // e.g. the last-event-id store could not save: the stream goes on, the next event saves again
        this.options.log(`Hub event stream: ${(error as Error).message}`);
      }
    });
    response.once('error', (error) => this.onFailure(session, error));
    response.once('close', () => this.onFailure(session, new Error('The hub closed the event stream.')));
  }

  private onMessage(session: Session, message: EventSourceMessage): void {
    if (session !== this.session) return;
    if (this.sequencer.handle(message, { catchUp: !session.live }) !== 'live') return;
    session.live = true;
    this.attempt = 0;
    this.lostAt = null;
    this.setState('live', this.options.clock.now(), null);
  }

  private onFailure(session: Session, error: unknown): void {
    if (session !== this.session) return;
    void this.endSession();
    if (error instanceof HubRefusedError) {
      this.refuse(error.message);
      return;
    }
    const now = this.options.clock.now();
    if (session.live) {
      // A live stream that drops (a hub restart) gets one quick try before the hub counts as unreachable.
      this.lostAt = now;
      this.setState('connecting', now, null);
    } else {
      this.lostAt ??= now;
      this.setState('unreachable', this.lostAt, (error as Error)?.message ?? String(error));
    }
    this.options.log(`Hub event stream: ${(error as Error)?.message ?? String(error)}`);
    const delay = backoffDelay(this.attempt++, this.options.random, this.timing.backoff);
    this.retryTimer = this.options.clock.set(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }

  private armWatchdog(session: Session, ms: number, what: string): void {
    if (this.watchdog !== null) this.options.clock.clear(this.watchdog);
    this.watchdog = this.options.clock.set(() => {
      this.watchdog = null;
      this.onFailure(session, new Error(`${what} for ${Math.round(ms / 1000)} s.`));
    }, ms);
  }

  private endSession(): Promise<void> {
    const session = this.session;
    this.session = null;
    if (this.watchdog !== null) this.options.clock.clear(this.watchdog);
    this.watchdog = null;
    if (!session) return Promise.resolve();
    session.abort.abort();
    const response = session.response;
    if (!response || response.closed) return Promise.resolve();
    return new Promise((resolve) => {
      response.once('close', () => resolve());
      response.destroy();
    });
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) this.options.clock.clear(this.retryTimer);
    this.retryTimer = null;
  }

  private setState(state: 'connecting' | 'live' | 'unreachable' | 'refused', at: number, error: string | null): void {
    this.options.connection.set({ state, since: new Date(at).toISOString(), error });
  }
}

function readSmallBody(response: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      if (text.length < 64 * 1024) text += chunk;
    });
    response.once('end', () => resolve(text));
    response.once('error', () => resolve(text));
    response.once('close', () => resolve(text));
  });
}
