import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { nodeTarget } from '../../scripts/node-target.mjs';
import { apiKey, channelOf, type DesktopBridge } from '../../shared/contract/ipc-channels.js';
import { API_METHODS } from '../../shared/contract/routes.js';

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
      if (channel.endsWith(':copyText')) throw new Error(`Error invoking remote method '${channel}': could not clone`);
      return { ok: true, value: { from: channel } };
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
    expect(Object.keys(bridge).sort()).toEqual([
      'api',
      'connection',
      'copyText',
      'onEvent',
      'onNavigate',
      'openExternal',
    ]);
    expect(Object.keys(bridge.api).sort()).toEqual([...API_METHODS].sort());
  });

  it('invokes each API method on its channel from the map, with the request', async () => {
    await expect(bridge.api.feed({ filter: 'alerts', limit: 50 })).resolves.toEqual({
      ok: true,
      value: { from: channelOf(apiKey('feed')) },
    });
    await bridge.api.status(undefined);
    expect(electron.invoked.slice(-2)).toEqual([
      [channelOf('api:feed'), { filter: 'alerts', limit: 50 }],
      [channelOf('api:status'), undefined],
    ]);
  });

  it('turns a call that never reached a handler into an error reply, without Electron’s wrapper text', async () => {
    await expect(bridge.copyText('postback url')).resolves.toEqual({
      ok: false,
      error: { status: 500, message: 'could not clone' },
    });
  });

  it('uses the shell channels main listens on', async () => {
    await bridge.openExternal('https://shop.example/');
    expect(electron.invoked.at(-1)).toEqual([channelOf('shell:openExternal'), 'https://shop.example/']);
  });

  it('uses the desktop connection channels main listens on', async () => {
    await bridge.connection.get();
    await bridge.connection.followHub({ link: 'shelfwatch://pair?hub=x', deviceName: 'Laptop' });
    await bridge.connection.useThisComputer();
    expect(electron.invoked.slice(-3)).toEqual([
      [channelOf('desktop:getConnection'), undefined],
      [channelOf('desktop:followHub'), { link: 'shelfwatch://pair?hub=x', deviceName: 'Laptop' }],
      [channelOf('desktop:useThisComputer'), undefined],
    ]);
  });

  it('delivers events and routes as payload only, until unsubscribed', () => {
    const events: unknown[] = [];
    const routes: unknown[] = [];
    const stopEvents = bridge.onEvent((event) => events.push(event));
    const stopRoutes = bridge.onNavigate((route) => routes.push(route));
    electron.emit(channelOf('event'), { type: 'feed', entries: [] });
    electron.emit(channelOf('navigate'), '#/feed');
    stopEvents();
    stopRoutes();
    electron.emit(channelOf('event'), { type: 'feed', entries: [] });
    electron.emit(channelOf('navigate'), '#/watchlist');
    expect(events).toEqual([{ type: 'feed', entries: [] }]);
    expect(routes).toEqual(['#/feed']);
  });

  it('imports nothing but electron and the channel map', () => {
    const source = readFileSync(new URL('../../main/preload.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
    expect(imports).toEqual(['electron', '../shared/contract/ipc-channels.js']);
  });

  it('bundles (as scripts/build-main.mjs does) into CommonJS that requires only electron and carries no zod', async () => {
    const result = await build({
      entryPoints: [new URL('../../main/preload.ts', import.meta.url).pathname],
      bundle: true,
      platform: 'node',
      target: nodeTarget(),
      format: 'cjs',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    expect([...code.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1])).toEqual(['electron']);
    expect(code).not.toMatch(/\bimport\s|export\s/);
    expect(code).not.toContain('ZodError');
    expect(code.length).toBeLessThan(20_000);
  });
});
