// The desktop's view of a hub: the UI API over HTTPS with this device's token, the hub's live events (caught up after
// sleep or an outage), and the connection state for the tray and the UI. Plain Node: the desktop face wraps it.
import type { UiApi } from '../../shared/contract/api.js';
import { type FollowerClock, systemClock } from './clock.js';
import { type ConnectionState, ConnectionTracker } from './connection-state.js';
import type { LastEventIdStore } from './event-sequencer.js';
import { HubEventStream, type StreamTiming } from './event-stream.js';
import { createHubApi } from './hub-api.js';
import { createHubTransport } from './hub-transport.js';
import type { FollowerListener } from './stream-messages.js';

export interface HubFollowerOptions {
  hubUrl: string;
  /** from the pairing; null: the hub's certificate is checked against the usual certificate authorities */
  fingerprint: string | null;
  token: string;
  lastEventId: LastEventIdStore;
  clock?: FollowerClock;
  /** [0, 1), for the backoff's jitter */
  random?: () => number;
  log?: (message: string) => void;
  timing?: Partial<StreamTiming>;
  /** for API requests */
  requestTimeoutMs?: number;
}

export interface HubFollower {
  api: UiApi;
  /** The first listener opens the event stream, the last one to leave closes it. */
  subscribe(listener: FollowerListener): () => void;
  connection(): ConnectionState;
  onConnection(listener: (state: ConnectionState) => void): () => void;
  /** call on OS resume and when the network comes back */
  wake(): void;
  close(): Promise<void>;
}

export function createHubFollower(options: HubFollowerOptions): HubFollower {
  const log = options.log ?? (() => {});
  const transport = createHubTransport({
    hubUrl: options.hubUrl,
    fingerprint: options.fingerprint,
    ...(options.requestTimeoutMs === undefined ? {} : { timeoutMs: options.requestTimeoutMs }),
  });
  const connection = new ConnectionTracker();
  const listeners = new Set<FollowerListener>();
  const stream = new HubEventStream({
    transport,
    token: options.token,
    store: options.lastEventId,
    connection,
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
    log,
    deliver: (event, meta) => {
      for (const listener of listeners) {
        try {
          listener(event, meta);
        } catch (error) {
          log(`A hub event listener failed: ${(error as Error).message}`);
        }
      }
    },
    ...(options.timing ? { timing: options.timing } : {}),
  });
  const api = createHubApi({ transport, token: options.token, onRefused: (error) => stream.refuse(error.message) });
  let closed = false;

  return {
    api,
    subscribe(listener) {
      if (closed) return () => {};
      listeners.add(listener);
      stream.start();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) void stream.stop();
      };
    },
    connection: () => connection.get(),
    onConnection: (listener) => connection.onChange(listener),
    wake: () => stream.wake(),
    async close() {
      closed = true;
      listeners.clear();
      await stream.stop();
      transport.close();
    },
  };
}
