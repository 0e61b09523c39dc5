// Every IPC channel of the desktop face, in one map: renderer → main requests (each UI API method and the shell
// actions) and main → renderer events, with their payload and result types. Channel names are made from the keys,
// so main (main/desktop/ipc-bridge.ts) and the preload (main/preload.ts) cannot disagree, and a key missing from a
// table below is a compile error. Imports nothing at run time but routes.ts (the preload bundles this file).
import type { ApiRequest, ApiResponse } from './api.js';
import type { DesktopConnection, FollowHubRequest, SwitchAnswer } from './desktop-connection.js';
import type { UiEvent } from './events.js';
import { API_METHODS, type ApiMethod, methodTable } from './routes.js';

/** The preload builds its bridge with this: it imports nothing but electron and this file. */
export { methodTable };

/** renderer → main: payload and result of each request channel. */
export type InvokeMap = { [M in ApiMethod as `api:${M}`]: { payload: ApiRequest<M>; result: ApiResponse<M> } } & {
  'shell:openExternal': { payload: string; result: undefined };
  'shell:copyText': { payload: string; result: undefined };
  /** where postbacks arrive: this computer or a hub (issue 11) */
  'desktop:getConnection': { payload: undefined; result: DesktopConnection };
  /** pairs with the hub of a pairing link, keeps the choice and restarts following it */
  'desktop:followHub': { payload: FollowHubRequest; result: SwitchAnswer };
  /** back to this computer's own receiver; restarts */
  'desktop:useThisComputer': { payload: undefined; result: SwitchAnswer };
};
export type InvokeKey = keyof InvokeMap;
export type InvokePayload<K extends InvokeKey> = InvokeMap[K]['payload'];
export type InvokeResult<K extends InvokeKey> = InvokeMap[K]['result'];

/** main → renderer: the payload of each event channel. */
export interface EventMap {
  /** live engine events: feed entries, alerts, status */
  event: UiEvent;
  /** open a route (a notification was clicked) */
  navigate: string;
}
export type EventKey = keyof EventMap;

const SHELL_KEYS = ['shell:openExternal', 'shell:copyText'] as const satisfies readonly InvokeKey[];
const DESKTOP_KEYS = [
  'desktop:getConnection',
  'desktop:followHub',
  'desktop:useThisComputer',
] as const satisfies readonly InvokeKey[];

/** The request channels that are not UI API methods: the shell actions and where postbacks arrive. */
export const OTHER_INVOKE_KEYS = [...SHELL_KEYS, ...DESKTOP_KEYS] as const;
export type OtherInvokeKey = (typeof OTHER_INVOKE_KEYS)[number];

/** Every request channel at run time; the check below makes a map key missing from it a compile error. */
export const INVOKE_KEYS: readonly InvokeKey[] = [...API_METHODS.map((method) => apiKey(method)), ...OTHER_INVOKE_KEYS];

// A compile-time check that INVOKE_KEYS' parts cover the map: every key is an api method or a listed other key.
type Covered = `api:${ApiMethod}` | OtherInvokeKey;
const everyKeyCovered: [Exclude<InvokeKey, Covered>] extends [never] ? true : never = true;
void everyKeyCovered;

export function apiKey<M extends ApiMethod>(method: M): `api:${M}` {
  return `api:${method}`;
}

/** The Electron channel name of a map key. */
export function channelOf(key: InvokeKey | EventKey): string {
  return `shelfwatch:${key}`;
}

/**
 * What every request channel answers: the result, or the error as status + message (an exception thrown across IPC
 * keeps only its message, and the renderer wants the status too: it rebuilds an ApiError from this).
 */
export type IpcReply<T> = { ok: true; value: T } | { ok: false; error: { status: number; message: string } };

/** What the preload exposes as `window.shelfwatch`. Each method resolves with the reply; it never rejects. */
export interface DesktopBridge {
  api: { [M in ApiMethod]: (req: ApiRequest<M>) => Promise<IpcReply<ApiResponse<M>>> };
  openExternal(url: string): Promise<IpcReply<undefined>>;
  copyText(text: string): Promise<IpcReply<undefined>>;
  /** where postbacks arrive (this computer or a hub) */
  connection: {
    get(): Promise<IpcReply<DesktopConnection>>;
    followHub(request: FollowHubRequest): Promise<IpcReply<SwitchAnswer>>;
    useThisComputer(): Promise<IpcReply<SwitchAnswer>>;
  };
  onEvent(listener: (event: UiEvent) => void): () => void;
  onNavigate(listener: (route: string) => void): () => void;
}
