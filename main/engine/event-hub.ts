import type { FeedEntry } from '../../shared/contract/feed.js';

/** What the engine announces; a status event carries no status, since each device sees its own unread count. */
export type EngineEvent =
  | { type: 'feed'; entries: FeedEntry[] }
  | { type: 'alert'; entries: FeedEntry[] }
  | { type: 'status' };

/** Fans live events out to the faces; a listener that throws does not stop the others. */
export class EventHub {
  private listeners = new Set<(event: EngineEvent) => void>();

  subscribe(listener: (event: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: EngineEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // a broken listener (a closed SSE socket) must not break ingest
      }
    }
  }
}
