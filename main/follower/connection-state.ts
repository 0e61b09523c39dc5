// What the tray and the UI show about the hub: "Hub unreachable since 10:32 — retrying".

export type ConnectionStateName = 'connecting' | 'live' | 'unreachable' | 'refused';

export interface ConnectionState {
  state: ConnectionStateName;
  /** ISO time the state began (for 'unreachable': when the hub was lost); null before the first attempt ended */
  since: string | null;
  /** for the user: why the hub is unreachable or refused us */
  error: string | null;
}

export class ConnectionTracker {
  private current: ConnectionState = { state: 'connecting', since: null, error: null };
  private readonly listeners = new Set<(state: ConnectionState) => void>();

  get(): ConnectionState {
    return { ...this.current };
  }

  set(next: ConnectionState): void {
    const { state, since, error } = this.current;
    if (next.state === state && next.since === since && next.error === error) return;
    this.current = { ...next };
    for (const listener of this.listeners) {
      try {
        listener(this.get());
      } catch {
        // one broken listener must not keep the others from hearing about the hub
      }
    }
  }

  onChange(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
