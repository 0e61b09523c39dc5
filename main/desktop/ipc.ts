// The desktop face's request handlers: every UI API method (the engine's service parses each request, as it does for
// HTTP) and the shell actions, whose payloads are parsed here. Registered through ipc-bridge's handle(), behind the
// sender check.
import { API_METHODS, type ApiMethod, type UiApi } from '../../shared/api.js';
import { apiKey } from '../../shared/ipc-channels.js';
import { parseOrThrow } from '../../shared/schema/messages.js';
import { copyTextSchema, openExternalSchema } from '../../shared/schema/shell.js';
import type { Logger } from '../engine/types.js';
import { handle, type InvokeHandlers, type IpcMainLike } from './ipc-bridge.js';
import type { IpcSenderEvent } from './trusted-sender.js';

export interface IpcOptions {
  ipcMain: IpcMainLike;
  api: UiApi;
  isTrustedSender: (event: IpcSenderEvent) => boolean;
  openExternal: (url: string) => Promise<void>;
  writeClipboard: (text: string) => void;
  log: Logger;
}

type ApiHandlers = Pick<InvokeHandlers, `api:${ApiMethod}`>;

/** Registers every handler; returns a function that removes them. */
export function registerIpc(options: IpcOptions): () => void {
  const { api } = options;
  const apiHandlers = Object.fromEntries(
    API_METHODS.map((method) => {
      // the payload goes to the service as it came: the service parses it with the method's schema
      const call = api[method] as (req: unknown) => Promise<unknown>;
      return [apiKey(method), (payload: unknown) => call.call(api, payload)];
    }),
  ) as ApiHandlers;
  const handlers: InvokeHandlers = {
    ...apiHandlers,
    'shell:openExternal': async (payload: unknown) => {
      await options.openExternal(parseOrThrow(openExternalSchema, payload, 'The link'));
      return undefined;
    },
    'shell:copyText': (payload: unknown) => {
      options.writeClipboard(parseOrThrow(copyTextSchema, payload, 'The text to copy'));
      return undefined;
    },
  };
  return handle(options, handlers);
}
