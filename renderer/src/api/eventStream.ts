// Live events over Server-Sent Events. One EventSource is shared by all listeners and closed when the last one leaves.
// EventSource reconnects by itself after a dropped connection (sending Last-Event-ID, so a hub resends what was
// missed); after an answer it gives up on (a proxy's 502, a 401) it is reopened here, with backoff. Whether the
// stream is up is tracked too: the status line says "Hub unreachable since 10:32 — retrying" while it is not.
// `live` (the hub's "backlog delivered") needs nothing here and is not listened for.
import { parseUiEvent, UI_EVENT_TYPES, type UiEvent } from '../../../shared/contract/events.js';

export interface StreamConnection {
  state: 'connecting' | 'live' | 'unreachable';
  /** when the stream was lost (null before it first opened) */
  since: string | null;
}

export interface ConnectionSource {
  get(): StreamConnection;
  subscribe(listener: (connection: StreamConnection) => void): () => void;
}

const RETRY_BASE_MS = 2_000;
const RETRY_CAP_MS = 60_000;
const CLOSED = 2; // EventSource.CLOSED (jsdom and the tests' fakes may not define the constant)

export function createEventStream(url: () => string, open = (u: string) => new EventSource(u)) {
  const listeners = new Set<(event: UiEvent) => void>();
  const connectionListeners = new Set<(connection: StreamConnection) => void>();
  let source: EventSource | null = null;
  let dropped = false;
  let failures = 0;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let connection: StreamConnection = { state: 'connecting', since: null };
  const reopenHandlers = new Set<() => void>();

  const setConnection = (next: StreamConnection) => {
    if (next.state === connection.state && next.since === connection.since) return;
    connection = next;
    for (const listener of connectionListeners) listener(connection);
  };

  // The event's shape is checked like any input (as the desktop's follower checks a hub's): a malformed event is
  // dropped, not worth breaking the UI for.
  const dispatch = (name: UiEvent['type'], message: MessageEvent<string>) => {
    let data: unknown;
    try {
      data = JSON.parse(message.data);
    } catch {
      return;
    }
    const { event } = parseUiEvent(name, data);
    if (event) emit(event);
  };

  const emit = (event: UiEvent) => {
    for (const listener of listeners) listener(event);
  };

  const onError = (opened: EventSource) => {
    dropped = true;
    const lostAt = connection.since ?? new Date().toISOString();
    // A live stream that drops (a hub restart) gets its quick retry before it counts as unreachable.
    setConnection({ state: connection.state === 'live' ? 'connecting' : 'unreachable', since: lostAt });
    if (opened.readyState !== CLOSED || opened !== source) return;
    // The browser gave up on this one (an error answer): open a new one later, like the desktop's follower.
    const delay = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.min(failures++, 10));
    retry = setTimeout(
      () => {
        retry = null;
        if (source === opened) connect();
      },
      delay * (0.5 + Math.random() / 2),
    );
  };

  const connect = () => {
    source?.close();
    const opened = open(url());
    source = opened;
    for (const name of UI_EVENT_TYPES) {
      opened.addEventListener(name, (message) => dispatch(name, message as MessageEvent<string>));
    }
    opened.addEventListener('error', () => onError(opened));
    opened.addEventListener('open', () => {
      failures = 0;
      setConnection({ state: 'live', since: null });
      // Events sent while the stream was down may be lost: tell whoever can catch up (e.g. re-read the status).
      if (!dropped) return;
      dropped = false;
      for (const handler of reopenHandlers) handler();
    });
  };

  return {
    emit,
    onReopen(handler: () => void): void {
      reopenHandlers.add(handler);
    },
    connection: {
      get: () => connection,
      subscribe(listener: (next: StreamConnection) => void): () => void {
        connectionListeners.add(listener);
        return () => connectionListeners.delete(listener);
      },
    } satisfies ConnectionSource,
    subscribe(listener: (event: UiEvent) => void): () => void {
      listeners.add(listener);
      if (!source) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
          if (retry !== null) clearTimeout(retry);
          retry = null;
        }
      };
    },
  };
}
