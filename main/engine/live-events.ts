import type { FeedEntry } from '../../shared/contract/feed.js';

/** What the engine announces; a status event carries no status, since each device sees its own unread count. */
export type EngineEvent =
  | { type: 'feed'; entries: FeedEntry[] }
  | { type: 'alert'; entries: FeedEntry[] }
  | { type: 'status' };

/**
 * The live events (new feed entries, alerts, "the status changed") fanned out to the faces; a listener that throws
 * does not stop the others. Not to be confused with the hub feature (hub/: devices that follow this engine).
 */
export class LiveEvents {
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
