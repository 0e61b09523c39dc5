// A typed ipcMain stand-in (a handler registry a test can invoke as some sender) and a recording UiApi.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { IpcSenderEvent } from '../../main/desktop/trusted-sender.js';
import { type ApiResponse, mapUiApi, type UiApi } from '../../shared/contract/api.js';
import type { IpcReply } from '../../shared/contract/ipc-channels.js';

type Handler = Parameters<IpcMain['handle']>[1];

export class FakeIpcMain implements Pick<IpcMain, 'handle' | 'removeHandler'> {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, listener: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Calls a channel as `event`'s sender; the sender check reads only sender and senderFrame. */
  async invoke(channel: string, event: IpcSenderEvent, arg?: unknown): Promise<IpcReply<unknown>> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event as unknown as IpcMainInvokeEvent, arg);
  }
}

/** Every method records its call and answers `{ answeredBy: method }`. */
export function recordingApi(): { api: UiApi; calls: Array<[string, unknown]> } {
  const calls: Array<[string, unknown]> = [];
  const api = mapUiApi(async (method, req) => {
    calls.push([method, req]);
    // the contract's per-method answers do not matter to a recorder
    return { answeredBy: method } as unknown as ApiResponse<typeof method>;
  });
  return { api, calls };
}

export const silentLog = { info: () => {}, warn: () => {}, error: () => {} };
