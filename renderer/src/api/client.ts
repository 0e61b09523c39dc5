// What every view talks to. Which transport sits behind it (IPC bridge or HTTP + SSE) is decided once in getApi().
import { mapUiApi, type UiApi } from '../../../shared/contract/api.js';
import type { DesktopConnection, FollowHubRequest, SwitchAnswer } from '../../../shared/contract/desktop-connection.js';
import { ApiError } from '../../../shared/contract/errors.js';
import type { UiEvent } from '../../../shared/contract/events.js';
import type { DesktopBridge, IpcReply } from '../../../shared/contract/ipc-channels.js';
import type { Settings } from '../../../shared/contract/settings.js';
import { isWebUrl } from '../../../shared/domain/web-url.js';
import { type AccessSource, createAccessWatch } from './access.js';
import { withBrowserDeviceSettings } from './browserDeviceSettings.js';
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
  /** the browser only: whether the server still takes this page's token */
  access?: AccessSource;
  /** the browser only: settings this UI saved (its notifier follows them; the desktop's main process has its own) */
  onSettingsSaved?(listener: (settings: Settings) => void): () => void;
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
  const uiToken = takeUiToken(window);
  const deviceToken = uiToken ? null : storedDeviceToken(window);
  const token = uiToken ?? deviceToken;
  const fetch = (input: string, init: RequestInit) => window.fetch(input, init);
  const events = createEventStream((after) => eventStreamUrl(token, after, fetch));
  const access = createAccessWatch(deviceToken ? 'device' : 'local');
  const http = createHttpApi({ token, fetch, onUnauthorized: access.refuse });
  // A stream the server stopped taking (a revoked device) looks like one that cannot connect: ask once why.
  events.connection.subscribe((connection) => {
    if (connection.state === 'unreachable') http.status(undefined).catch(() => {});
  });
  const device = deviceToken ? withBrowserDeviceSettings(http, window.localStorage) : null;
  const saved = new Set<(settings: Settings) => void>();
  const api: UiApi = {
    ...(device?.api ?? http),
    updateSettings: async (request) => {
      const settings = await (device?.api ?? http).updateSettings(request);
      for (const listener of saved) listener(settings);
      // A device's own pause is not the hub's news: the status it shows is re-read here.
      if (device) emitStatus();
      return settings;
    },
  };
  const emitStatus = () =>
    api.status(undefined).then(
      (status) => events.emit({ type: 'status', status }),
      () => {},
    );
  // After a reconnect the status (unread, last postback, fault) is re-read so the UI does not show stale numbers.
  events.onReopen(emitStatus);
  return {
    api,
    subscribe: (listener) =>
      events.subscribe((event) =>
        listener(device && event.type === 'status' ? { ...event, status: device.status(event.status) } : event),
      ),
    connection: events.connection,
    access,
    openExternal: async (url) => {
      if (isWebUrl(url)) window.open(url, '_blank', 'noopener');
    },
    copyText: (text) => navigator.clipboard.writeText(text),
    onSettingsSaved: (listener) => {
      saved.add(listener);
      return () => saved.delete(listener);
    },
  };
}
