// The desktop face's request handlers: every UI API method (the engine's service parses each request, as it does for
// HTTP), the shell actions and where postbacks arrive (this computer or a hub), whose payloads are parsed here.
// Registered through ipc-bridge's handle(), behind the sender check.
import type { UiApi } from '../../shared/contract/api.js';
import {
  type DesktopConnection,
  type FollowHubRequest,
  followHubSchema,
  type SwitchAnswer,
} from '../../shared/contract/desktop-connection.js';
import { parseOrThrow } from '../../shared/contract/issues.js';
import type { Logger } from '../engine/index.js';
import { handle, type InvokeHandlers, type IpcMainLike } from './ipc-bridge.js';
import { type SaveExportDeps, saveExport } from './save-export.js';
import { copyTextSchema, openExternalSchema } from './shell-requests.js';
import type { IpcSenderEvent } from './trusted-sender.js';

export interface IpcOptions {
  ipcMain: IpcMainLike;
  api: UiApi;
  isTrustedSender: (event: IpcSenderEvent) => boolean;
  openExternal: (url: string) => Promise<void>;
  writeClipboard: (text: string) => void;
  /** where an export goes: a save dialog and the file system (the API is `api` above) */
  saveFile: Omit<SaveExportDeps, 'api'>;
  connection: ConnectionHandlers;
  log: Logger;
}

/** Where postbacks arrive: see main/desktop/hub/connection-actions.ts. */
export interface ConnectionHandlers {
  get(): Promise<DesktopConnection>;
  followHub(request: FollowHubRequest): Promise<SwitchAnswer>;
  useThisComputer(): Promise<SwitchAnswer>;
}

/** Registers every handler; returns a function that removes them. */
export function registerIpc(options: IpcOptions): () => void {
  const handlers: InvokeHandlers = {
    'shell:openExternal': async (payload: unknown) => {
      await options.openExternal(parseOrThrow(openExternalSchema, payload, 'The link'));
      return undefined;
    },
    'shell:copyText': (payload: unknown) => {
      options.writeClipboard(parseOrThrow(copyTextSchema, payload, 'The text to copy'));
      return undefined;
    },
    'shell:saveExport': (payload: unknown) => saveExport({ ...options.saveFile, api: options.api }, payload),
    'desktop:getConnection': () => options.connection.get(),
    'desktop:followHub': (payload: unknown) =>
      options.connection.followHub(parseOrThrow(followHubSchema, payload, 'The pairing request')),
    'desktop:useThisComputer': () => options.connection.useThisComputer(),
  };
  return handle(options, options.api, handlers);
}
