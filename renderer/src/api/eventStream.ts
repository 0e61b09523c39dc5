// Live events over Server-Sent Events. One EventSource is shared by all listeners and closed when the last one leaves;
// EventSource reconnects by itself after a drop.
import type { UiEvent } from '../../../shared/api.js';
import { UI_EVENT_TYPES, uiEventSchema } from '../../../shared/schema/events.js';

export function createEventStream(url: () => string, open = (u: string) => new EventSource(u)) {
  const listeners = new Set<(event: UiEvent) => void>();
  let source: EventSource | null = null;
  let dropped = false;
  const reopenHandlers = new Set<() => void>();

  // The event's shape is checked like any input: a malformed event is dropped, not worth breaking the UI for.
  const dispatch = (name: UiEvent['type'], message: MessageEvent<string>) => {
    let data: unknown;
    try {
      data = JSON.parse(message.data);
    } catch {
      return;
    }
    const parsed = uiEventSchema.safeParse({ ...(data as object), type: name });
    if (parsed.success) emit(parsed.data);
  };

  const emit = (event: UiEvent) => {
    for (const listener of listeners) listener(event);
  };

  const connect = () => {
    source = open(url());
    for (const name of UI_EVENT_TYPES) {
      source.addEventListener(name, (message) => dispatch(name, message as MessageEvent<string>));
    }
    // Events sent while the stream was down are lost: tell whoever can catch up (e.g. re-read the status).
    source.addEventListener('error', () => {
      dropped = true;
    });
    source.addEventListener('open', () => {
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
    subscribe(listener: (event: UiEvent) => void): () => void {
      listeners.add(listener);
      if (!source) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}
