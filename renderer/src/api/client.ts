// What every view talks to. Which transport sits behind it (IPC bridge or HTTP + SSE) is decided once in getApi().
import { mapUiApi, type UiApi } from '../../../shared/contract/api.js';
import type { DesktopConnection, FollowHubRequest, SwitchAnswer } from '../../../shared/contract/desktop-connection.js';
import { ApiError } from '../../../shared/contract/errors.js';
import type { UiEvent } from '../../../shared/contract/events.js';
import type { DesktopBridge, IpcReply } from '../../../shared/contract/ipc-channels.js';
import { isWebUrl } from '../../../shared/domain/web-url.js';
import { storedDeviceToken } from './browserPairing.js';
import { type ConnectionSource, createEventStream } from './eventStream.js';
import { createHttpApi } from './httpApi.js';
import { eventStreamUrl } from './streamTicket.js';
import { takeUiToken } from './uiToken.js';

export type UiEventListener = (event: UiEvent) => void;

export interface ApiClient {
  api: UiApi;
  subscribe(listener: UiEventListener): () => void;
  /** opens http(s) links in the user's browser; anything else is ignored */
  openExternal(url: string): Promise<void>;
  copyText(text: string): Promise<void>;
  /** the desktop face asks for a route, e.g. when a notification is clicked */
  onNavigate?(listener: (route: string) => void): () => void;
  /** the desktop app only: where its postbacks arrive (this computer or a hub it follows) */
  desktop?: DesktopConnectionApi;
  /** the browser only: whether its event stream is up (the desktop's is in Status.hub) */
  connection?: ConnectionSource;
}

export interface DesktopConnectionApi {
  get(): Promise<DesktopConnection>;
  followHub(request: FollowHubRequest): Promise<SwitchAnswer>;
  switchToThisComputer(): Promise<SwitchAnswer>;
}

declare global {
  interface Window {
    shelfwatch?: DesktopBridge;
  }
}

let client: ApiClient | null = null;

export function getApi(): ApiClient {
  client ??= window.shelfwatch ? fromDesktopBridge(window.shelfwatch) : fromHttp();
  return client;
}

/** The bridge answers with replies; the views want the value, or an ApiError to show (as over HTTP). */
function unwrap<T>(reply: IpcReply<T>): T {
  if (reply.ok) return reply.value;
  throw new ApiError(reply.error.status, reply.error.message);
}

export function fromDesktopBridge(bridge: DesktopBridge): ApiClient {
  return {
    api: mapUiApi(async (method, req) => unwrap(await bridge.api[method](req))),
    subscribe: (listener) => bridge.onEvent(listener),
    // Checked here too: the main process checks again, but a bad link should never even be sent.
    openExternal: async (url) => {
      if (isWebUrl(url)) unwrap(await bridge.openExternal(url));
    },
    copyText: async (text) => unwrap(await bridge.copyText(text)),
    onNavigate: (listener) => bridge.onNavigate(listener),
    desktop: {
      get: async () => unwrap(await bridge.connection.get()),
      followHub: async (request) => unwrap(await bridge.connection.followHub(request)),
      switchToThisComputer: async () => unwrap(await bridge.connection.useThisComputer()),
    },
  };
}

export function fromHttp(): ApiClient {
  // This computer's own UI (loopback, #token=) or a device of a hub (paired with #pair=, see main.tsx).
  const token = takeUiToken(window) ?? storedDeviceToken(window);
  const fetch = (input: string, init: RequestInit) => window.fetch(input, init);
  const events = createEventStream((after) => eventStreamUrl(token, after, fetch));
  const api = createHttpApi({ token, fetch });
  // After a reconnect the status (unread, last postback, fault) is re-read so the UI does not show stale numbers.
  events.onReopen(() => {
    api.status(undefined).then(
      (status) => events.emit({ type: 'status', status }),
      () => {},
    );
  });
  return {
    api,
    subscribe: events.subscribe,
    connection: events.connection,
    openExternal: async (url) => {
      if (isWebUrl(url)) window.open(url, '_blank', 'noopener');
    },
    copyText: (text) => navigator.clipboard.writeText(text),
  };
}
