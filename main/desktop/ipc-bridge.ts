// The only way to register an IPC handler or to send to the renderer (test/desktop/ipc-bridge-only.test.ts checks
// that no other file calls ipcMain.handle or webContents.send). Every request channel of
// shared/contract/ipc-channels.ts gets a handler here, behind the trusted-sender check, and answers an IpcReply: a
// value, or an ApiError's status and message.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { callUnparsed, type UiApi } from '../../shared/contract/api.js';
import {
  apiKey,
  channelOf,
  type EventKey,
  type EventMap,
  INVOKE_KEYS,
  type InvokeKey,
  type InvokeResult,
  type IpcReply,
  OTHER_INVOKE_KEYS,
  type OtherInvokeKey,
} from '../../shared/contract/ipc-channels.js';
import { API_METHODS } from '../../shared/contract/routes.js';
import { type Logger, userFacingError } from '../engine/index.js';
import type { IpcSenderEvent } from './trusted-sender.js';

export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;
export type SendTarget = Pick<WebContents, 'send' | 'isDestroyed'>;

/**
 * One handler per request channel besides the UI API's (each of those calls the api): a channel without one is a
 * compile error. Payloads arrive unparsed.
 */
export type InvokeHandlers = {
  [K in OtherInvokeKey]: (payload: unknown) => Promise<InvokeResult<K>> | InvokeResult<K>;
};

export interface HandleOptions {
  ipcMain: IpcMainLike;
  isTrustedSender: (event: IpcSenderEvent) => boolean;
  log: Logger;
}

/** Registers every request channel; returns a function that removes them all. */
export function handle(options: HandleOptions, api: UiApi, handlers: InvokeHandlers): () => void {
  const { ipcMain, log } = options;
  const register = (key: InvokeKey, run: (payload: unknown) => unknown) => {
    ipcMain.handle(channelOf(key), async (event: IpcMainInvokeEvent, payload: unknown): Promise<IpcReply<unknown>> => {
      if (!options.isTrustedSender(event)) {
        log.warn('ipc: refused a call from an untrusted sender', { key, url: event.senderFrame?.url ?? null });
        return { ok: false, error: { status: 403, message: 'Not allowed' } };
      }
      try {
        return { ok: true, value: await run(payload) };
      } catch (error) {
        const { status, message } = userFacingError(error, log, { ipc: key });
        return { ok: false, error: { status, message } };
      }
    });
  };
  // the payload goes to the service as it came: the service parses it with the method's schema, as for HTTP
  for (const method of API_METHODS) register(apiKey(method), (payload) => callUnparsed(api, method, payload));
  for (const key of OTHER_INVOKE_KEYS) register(key, handlers[key]);
  return () => {
    for (const key of INVOKE_KEYS) ipcMain.removeHandler(channelOf(key));
  };
}

/** Sends one event to our window, if it is still there. */
export function send<K extends EventKey>(target: SendTarget | null, key: K, payload: EventMap[K]): void {
  if (target && !target.isDestroyed()) target.send(channelOf(key), payload);
}
