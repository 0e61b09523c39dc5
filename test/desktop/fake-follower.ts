// A stand-in for the hub follower (main/follower): a test hands events on as the hub's stream would (catch-up or
// live), moves the connection state, and sees wake() and close().
import type { ConnectionState, FollowerListener, HubFollower } from '../../main/follower/index.js';
import type { UiApi } from '../../shared/contract/api.js';
import type { UiEvent } from '../../shared/contract/events.js';
import { recordingApi } from './fake-ipc.js';

export class FakeFollower implements HubFollower {
  readonly api: UiApi = recordingApi().api;
  readonly listeners = new Set<FollowerListener>();
  readonly calls: string[] = [];
  private state: ConnectionState = { state: 'connecting', since: null, error: null };
  private readonly connectionListeners = new Set<(state: ConnectionState) => void>();

  subscribe(listener: FollowerListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  connection(): ConnectionState {
    return { ...this.state };
  }
  onConnection(listener: (state: ConnectionState) => void): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }
  wake(): void {
    this.calls.push('wake');
  }
  async close(): Promise<void> {
    this.calls.push('close');
  }

  deliver(event: UiEvent, catchUp = false): void {
    for (const listener of this.listeners) listener(event, { catchUp });
  }
  setConnection(state: ConnectionState): void {
    this.state = { ...state };
    for (const listener of this.connectionListeners) listener(this.connection());
  }
}
