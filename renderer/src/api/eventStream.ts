// Live events over Server-Sent Events. One EventSource is shared by all listeners and closed when the last one leaves.
// Each connection opens with a fresh single-use stream ticket, never the token (proxies and logs keep URLs), so the
// browser's own reconnect, which would present the spent ticket again, is never relied on: on any error the
// EventSource is closed and a new one opened here, with backoff, resuming after the last event id it saw (?after=),
// so the server resends what was missed. Whether the stream is up is tracked too: the status line says "Hub
// unreachable since 10:32 — retrying" while it is not.
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

/** `urlFor`: the stream's URL with a new ticket, resuming after `after` (the last event id seen) when given. */
export function createEventStream(
  urlFor: (after: string | null) => Promise<string>,
  open = (u: string) => new EventSource(u),
) {
  const listeners = new Set<(event: UiEvent) => void>();
  const connectionListeners = new Set<(connection: StreamConnection) => void>();
  let source: EventSource | null = null;
  /** bumped by every connect and by the last listener leaving: a ticket that arrives for an older one is not used */
  let attempt = 0;
  let running = false;
  let lastEventId: string | null = null;
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

  const remember = (message: MessageEvent<string>) => {
    if (message.lastEventId) lastEventId = message.lastEventId;
  };

  // The event's shape is checked like any input (as the desktop's follower checks a hub's): a malformed event is
  // dropped, not worth breaking the UI for.
  const dispatch = (name: UiEvent['type'], message: MessageEvent<string>) => {
    remember(message);
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

  const lost = () => {
    source?.close();
    source = null;
    dropped = true;
    const lostAt = connection.since ?? new Date().toISOString();
    // A live stream that drops (a hub restart) gets its quick retry before it counts as unreachable.
    setConnection({ state: connection.state === 'live' ? 'connecting' : 'unreachable', since: lostAt });
    const delay = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.min(failures++, 10));
    retry = setTimeout(
      () => {
        retry = null;
        if (running) connect();
      },
      delay * (0.5 + Math.random() / 2),
    );
  };

  const listen = (opened: EventSource) => {
    for (const name of UI_EVENT_TYPES) {
      opened.addEventListener(name, (message) => dispatch(name, message as MessageEvent<string>));
    }
    // `live` (the backlog is delivered) needs nothing here but its id, the point to resume after.
    opened.addEventListener('live', (message) => remember(message as MessageEvent<string>));
    opened.addEventListener('error', () => {
      if (opened === source) lost();
    });
    opened.addEventListener('open', () => {
      failures = 0;
      setConnection({ state: 'live', since: null });
      // Events sent while the stream was down may be lost: tell whoever can catch up (e.g. re-read the status).
      if (!dropped) return;
      dropped = false;
      for (const handler of reopenHandlers) handler();
    });
  };

  const connect = () => {
    const current = ++attempt;
    urlFor(lastEventId).then(
      (url) => {
        if (current !== attempt || !running) return;
        source = open(url);
        listen(source);
      },
      () => {
        if (current === attempt && running) lost();
      },
    );
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
      if (!running) {
        running = true;
        connect();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0 || !running) return;
        // Nobody listens: the views reload when they come back, so the next stream starts fresh.
        running = false;
        attempt++;
        lastEventId = null;
        source?.close();
        source = null;
        if (retry !== null) clearTimeout(retry);
        retry = null;
      };
    },
  };
}
