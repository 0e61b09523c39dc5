// The UI API over IPC: one handler per API_ROUTES method plus the shell actions, each behind the sender check.
import { API_ROUTES, type ApiMethod, ipcChannel, type UiApi } from '../../shared/api.js';
import type { Logger } from '../engine/types.js';
import { isWebUrl } from './paths.js';
import { SHELL_CHANNELS } from './shell-channels.js';
import type { IpcSenderEvent } from './trusted-sender.js';

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcSenderEvent, arg: unknown) => unknown): void;
  removeHandler(channel: string): void;
}

export interface IpcOptions {
  ipcMain: IpcMainLike;
  api: UiApi;
  isTrustedSender: (event: IpcSenderEvent) => boolean;
  openExternal: (url: string) => Promise<void>;
  writeClipboard: (text: string) => void;
  log: Logger;
}

/** Clipboard text is small (a URL, a template); anything bigger is not what the UI meant to copy. */
const MAX_COPY_CHARS = 100_000;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Registers every handler; returns a function that removes them. */
export function registerIpc(options: IpcOptions): () => void {
  const { ipcMain, log } = options;
  const channels: string[] = [];

  const handle = (channel: string, run: (arg: unknown) => unknown) => {
    ipcMain.handle(channel, async (event, arg) => {
      if (!options.isTrustedSender(event)) {
        log.warn('ipc: rejected a call from an untrusted sender', { channel, url: event.senderFrame?.url ?? null });
        throw new Error('Not allowed');
      }
      try {
        return await run(arg);
      } catch (error) {
        // a plain Error with the message only: no engine internals (codes, stacks, paths) cross to the renderer
        throw new Error(messageOf(error));
      }
    });
    channels.push(channel);
  };

  for (const method of Object.keys(API_ROUTES) as ApiMethod[]) {
    // the request's shape per method is the contract's; the engine validates what the renderer sent
    const call = options.api[method] as (req: unknown) => Promise<unknown>;
    handle(ipcChannel(method), (req) => call.call(options.api, req));
  }
  handle(SHELL_CHANNELS.openExternal, async (url) => {
    if (!isWebUrl(url)) throw new Error('Only http and https links can be opened');
    await options.openExternal(url);
  });
  handle(SHELL_CHANNELS.copyText, (text) => {
    if (typeof text !== 'string' || text.length > MAX_COPY_CHARS) throw new Error('Nothing to copy');
    options.writeClipboard(text);
  });

  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
