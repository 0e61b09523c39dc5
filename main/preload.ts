// The preload: the renderer's only door to the main process. It exposes `window.shelfwatch` (DesktopBridge) and
// nothing else. Sandboxed preloads are CommonJS with only 'electron' available, so this file imports nothing but
// 'electron' and the shared contract (esbuild bundles it into dist/main/preload.cjs).
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import {
  API_ROUTES,
  type ApiMethod,
  type DesktopBridge,
  IPC_EVENT_CHANNEL,
  ipcChannel,
  type UiApi,
  type UiEvent,
} from '../shared/api.js';

// Same strings as main/desktop/shell-channels.ts (a test keeps them equal); repeated to keep the bundle minimal.
const OPEN_EXTERNAL_CHANNEL = 'shelfwatch:shell:openExternal';
const COPY_TEXT_CHANNEL = 'shelfwatch:shell:copyText';
const NAVIGATE_CHANNEL = 'shelfwatch:navigate';

/** Subscribes to a main → renderer channel; the listener gets the payload only, never the IPC event (it holds the sender). */
function listen<T>(channel: string, listener: (payload: T) => void): () => void {
  const forward = (_event: IpcRendererEvent, payload: T) => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

/** Electron wraps a rejection as "Error invoking remote method '<channel>': Error: <message>"; the UI wants the message. */
async function invoke(channel: string, arg: unknown): Promise<unknown> {
  try {
    return await ipcRenderer.invoke(channel, arg);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(message.replace(/^Error invoking remote method '[^']*': (?:Error: )?/, ''));
  }
}

// One function per API_ROUTES method, so a method added to the contract is exposed without touching this file.
const api = Object.fromEntries(
  (Object.keys(API_ROUTES) as ApiMethod[]).map((method) => [method, (req: unknown) => invoke(ipcChannel(method), req)]),
) as UiApi;

const bridge: DesktopBridge = {
  api,
  onEvent: (listener) => listen<UiEvent>(IPC_EVENT_CHANNEL, listener),
  openExternal: async (url) => {
    await invoke(OPEN_EXTERNAL_CHANNEL, url);
  },
  copyText: async (text) => {
    await invoke(COPY_TEXT_CHANNEL, text);
  },
  onNavigate: (listener) => listen<string>(NAVIGATE_CHANNEL, listener),
};

contextBridge.exposeInMainWorld('shelfwatch', bridge);
