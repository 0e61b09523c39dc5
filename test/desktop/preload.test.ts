import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { SHELL_CHANNELS } from '../../main/desktop/shell-channels.js';
import { API_ROUTES, type DesktopBridge, IPC_EVENT_CHANNEL, ipcChannel } from '../../shared/api.js';

type Listener = (event: { sender: string }, payload: unknown) => void;

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<Listener>>();
  return {
    exposed: [] as Array<[string, unknown]>,
    invoked: [] as Array<[string, unknown]>,
    listeners,
    emit(channel: string, payload: unknown) {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipc internals' }, payload);
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => electron.exposed.push([key, value]),
  },
  ipcRenderer: {
    invoke: async (channel: string, arg: unknown) => {
      electron.invoked.push([channel, arg]);
      if (channel.endsWith(':product'))
        throw new Error(`Error invoking remote method '${channel}': Error: No product 1:2`);
      return { from: channel };
    },
    on: (channel: string, listener: Listener) => {
      const set = electron.listeners.get(channel) ?? new Set();
      electron.listeners.set(channel, set.add(listener));
    },
    removeListener: (channel: string, listener: Listener) => electron.listeners.get(channel)?.delete(listener),
  },
}));

let bridge: DesktopBridge;
beforeAll(async () => {
  await import('../../main/preload.js');
  bridge = electron.exposed[0]?.[1] as DesktopBridge;
});

describe('preload bridge', () => {
  it('exposes only window.shelfwatch with the DesktopBridge members', () => {
    expect(electron.exposed.map(([key]) => key)).toEqual(['shelfwatch']);
    expect(Object.keys(bridge).sort()).toEqual(['api', 'copyText', 'onEvent', 'onNavigate', 'openExternal']);
    expect(Object.keys(bridge.api).sort()).toEqual(Object.keys(API_ROUTES).sort());
  });

  it('invokes each API method on its own channel with the request', async () => {
    await expect(bridge.api.feed({ filter: 'alerts', limit: 50 })).resolves.toEqual({ from: ipcChannel('feed') });
    await bridge.api.status(undefined);
    expect(electron.invoked.slice(-2)).toEqual([
      [ipcChannel('feed'), { filter: 'alerts', limit: 50 }],
      [ipcChannel('status'), undefined],
    ]);
  });

  it("rejects with the main process message, without Electron's wrapper text", async () => {
    await expect(bridge.api.product({ key: '1:2' })).rejects.toThrow(/^No product 1:2$/);
  });

  it('uses the shell channels main listens on', async () => {
    await bridge.openExternal('https://shop.example/');
    await bridge.copyText('postback url');
    expect(electron.invoked.slice(-2)).toEqual([
      [SHELL_CHANNELS.openExternal, 'https://shop.example/'],
      [SHELL_CHANNELS.copyText, 'postback url'],
    ]);
  });

  it('delivers events and routes as payload only, until unsubscribed', () => {
    const events: unknown[] = [];
    const routes: unknown[] = [];
    const stopEvents = bridge.onEvent((event) => events.push(event));
    const stopRoutes = bridge.onNavigate((route) => routes.push(route));
    electron.emit(IPC_EVENT_CHANNEL, { type: 'feed', entries: [] });
    electron.emit(SHELL_CHANNELS.navigate, '#/feed');
    stopEvents();
    stopRoutes();
    electron.emit(IPC_EVENT_CHANNEL, { type: 'feed', entries: [] });
    electron.emit(SHELL_CHANNELS.navigate, '#/watchlist');
    expect(events).toEqual([{ type: 'feed', entries: [] }]);
    expect(routes).toEqual(['#/feed']);
  });

  it('imports nothing but electron and the shared contract (it must bundle for a sandboxed preload)', () => {
    const source = readFileSync(new URL('../../main/preload.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
    expect(imports).toEqual(['electron', '../shared/api.js']);
  });
});
