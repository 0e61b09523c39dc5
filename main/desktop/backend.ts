// What the desktop face shows, behind one interface: this computer's own engine (its receiver takes the postbacks)
// or a Shelfwatch hub it follows (issue 11). The window, the tray and the notifier cannot tell which they have.
import type { UiApi } from '../../shared/contract/api.js';
import type { UiEvent } from '../../shared/contract/events.js';
import type { HubConnection } from '../../shared/contract/status.js';
import type { DeviceSettings } from '../../shared/domain/device-settings.js';
import type { Engine } from '../engine/index.js';

export interface EventMeta {
  /** part of what a hub received while this computer was away (sleep, an outage): one digest, not N notifications */
  catchUp: boolean;
}

export type BackendListener = (event: UiEvent, meta: EventMeta) => void;

export interface DesktopBackend {
  /** the UI API the window (over IPC), the tray and the notifier use */
  api: UiApi;
  /** live events; status events carry the hub connection (Status.hub) when following one */
  subscribe(listener: BackendListener): () => void;
  /** what the notifier, the tray and the login item apply; never needs the network */
  deviceSettings(): Promise<DeviceSettings>;
  /** the hub followed and whether it is reached; null on this computer */
  connection(): HubConnection | null;
  onConnection(listener: (connection: HubConnection) => void): () => void;
  /** the backlog after sleep or an outage is delivered: time for the "While you were away" notification */
  onCaughtUp(listener: () => void): () => void;
  /** the computer woke up or the network came back: reconnect now */
  wake(): void;
  /** starts taking postbacks (this computer) or following (a hub); says what it started, for the log */
  start(): Promise<string>;
  close(): Promise<void>;
}

const never = () => () => {};

/** This computer's own engine: the receiver takes the postbacks; nothing to catch up on. */
export function localBackend(engine: Engine): DesktopBackend {
  return {
    api: engine.api,
    subscribe: (listener) => engine.subscribe((event) => listener(event, { catchUp: false })),
    deviceSettings: () => engine.api.getSettings(undefined),
    connection: () => null,
    onConnection: never,
    onCaughtUp: never,
    wake: () => {},
    async start() {
      const address = await engine.startReceiver();
      return `receiver listening on ${address.host}:${address.port}`;
    },
    close: () => engine.close(),
  };
}
