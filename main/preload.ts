// The preload: the renderer's only door to the main process. It exposes `window.shelfwatch` (DesktopBridge) and
// nothing else, built from the channel map in shared/contract/ipc-channels.ts. Sandboxed preloads are CommonJS with only
// 'electron' available, so this file imports nothing but 'electron' and that map (esbuild bundles it into
// dist/main/preload.cjs; test/desktop/preload.test.ts checks the bundle).
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import {
  apiKey,
  channelOf,
  type DesktopBridge,
  type EventKey,
  type EventMap,
  type InvokeKey,
  type IpcReply,
  methodTable,
} from '../shared/contract/ipc-channels.js';

/** Subscribes to a main → renderer channel; the listener gets the payload only, never the IPC event (it holds the sender). */
function listen<K extends EventKey>(key: K, listener: (payload: EventMap[K]) => void): () => void {
  const forward = (_event: IpcRendererEvent, payload: EventMap[K]) => listener(payload);
  const channel = channelOf(key);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

/** Main answers every request with an IpcReply; a call that never reached a handler becomes one too. */
async function invoke<T>(key: InvokeKey, payload: unknown): Promise<IpcReply<T>> {
  try {
    return (await ipcRenderer.invoke(channelOf(key), payload)) as IpcReply<T>;
  } catch (error) {
    // e.g. a payload that cannot be cloned; Electron prefixes "Error invoking remote method '<channel>': "
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: { status: 500, message: message.replace(/^Error invoking remote method '[^']*': /, '') },
    };
  }
}

// One function per API method, so a method added to the contract is exposed without touching this file.
const api = methodTable<DesktopBridge['api']>((method) => (req: unknown) => invoke(apiKey(method), req));

const bridge: DesktopBridge = {
  api,
  openExternal: (url) => invoke('shell:openExternal', url),
  copyText: (text) => invoke('shell:copyText', text),
  connection: {
    get: () => invoke('desktop:getConnection', undefined),
    followHub: (request) => invoke('desktop:followHub', request),
    useThisComputer: () => invoke('desktop:useThisComputer', undefined),
  },
  onEvent: (listener) => listen('event', listener),
  onNavigate: (listener) => listen('navigate', listener),
};

contextBridge.exposeInMainWorld('shelfwatch', bridge);
