import type { UiEvent } from '../../shared/api.js';

/** Fans live events out to the faces; a listener that throws does not stop the others. */
export class EventHub {
  private listeners = new Set<(event: UiEvent) => void>();

  subscribe(listener: (event: UiEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: UiEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // a broken listener (a closed SSE socket) must not break ingest
      }
    }
  }
}
