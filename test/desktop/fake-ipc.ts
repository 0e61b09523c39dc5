// A typed ipcMain stand-in (a handler registry a test can invoke as some sender) and a recording UiApi.
import type { IpcMainLike } from '../../main/desktop/ipc.js';
import type { IpcSenderEvent } from '../../main/desktop/trusted-sender.js';
import { API_ROUTES, type UiApi } from '../../shared/api.js';

type Handler = (event: IpcSenderEvent, arg: unknown) => unknown;

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, listener: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  async invoke(channel: string, event: IpcSenderEvent, arg?: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, arg);
  }
}

/** Every method records its call and answers `{ answeredBy: method }`. */
export function recordingApi(): { api: UiApi; calls: Array<[string, unknown]> } {
  const calls: Array<[string, unknown]> = [];
  const methods = Object.keys(API_ROUTES).map((method) => [
    method,
    async (req: unknown) => {
      calls.push([method, req]);
      return { answeredBy: method };
    },
  ]);
  // the contract's per-method types do not matter to a recorder; its keys come from API_ROUTES like the real one
  return { api: Object.fromEntries(methods) as unknown as UiApi, calls };
}

export const silentLog = { info: () => {}, warn: () => {}, error: () => {} };
