import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerIpc } from '../../main/desktop/ipc.js';
import { desktopPaths } from '../../main/desktop/paths.js';
import { createRendererLink } from '../../main/desktop/renderer-link.js';
import { createSenderCheck, type IpcSenderEvent } from '../../main/desktop/trusted-sender.js';
import { openEngine } from '../../main/engine/index.js';
import type { UiApi } from '../../shared/contract/api.js';
import { ApiError } from '../../shared/contract/errors.js';
import {
  apiKey,
  channelOf,
  INVOKE_KEYS,
  type InvokeKey,
  type InvokePayload,
} from '../../shared/contract/ipc-channels.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { FakeIpcMain, recordingApi, silentLog } from './fake-ipc.js';
import { FakeWebContents } from './fake-window.js';

const { rendererUrl } = desktopPaths('/app/dist/main');

function setup(api: UiApi = recordingApi().api, chosenPath: string | null = '/home/ada/Downloads/feed.csv') {
  const ipcMain = new FakeIpcMain();
  const written: [string, string][] = [];
  const suggested: string[] = [];
  const ours = new FakeWebContents();
  const opened: string[] = [];
  const copied: string[] = [];
  const logged: unknown[] = [];
  const switched: unknown[] = [];
  registerIpc({
    ipcMain,
    api,
    isTrustedSender: createSenderCheck(() => ours, rendererUrl, 'linux'),
    openExternal: async (url) => {
      opened.push(url);
    },
    writeClipboard: (text) => copied.push(text),
    saveFile: {
      choosePath: async (name) => {
        suggested.push(name);
        return chosenPath;
      },
      writeFile: async (file, text) => {
        written.push([file, text]);
      },
    },
    connection: {
      get: async () => {
        switched.push('get');
        return { mode: 'local', hub: null, tokenStorageProblem: null, suggestedDeviceName: 'Laptop' };
      },
      followHub: async (request) => {
        switched.push(request);
        return { restarting: true };
      },
      useThisComputer: async () => {
        switched.push('local');
        return { restarting: true };
      },
    },
    log: { ...silentLog, error: (message, meta) => logged.push([message, meta]) },
  });
  const fromUs: IpcSenderEvent = { sender: ours, senderFrame: { url: `${rendererUrl}#/feed`, parent: null } };
  const call = <K extends InvokeKey>(key: K, payload: InvokePayload<K> | unknown, event = fromUs) =>
    ipcMain.invoke(channelOf(key), event, payload);
  return { ipcMain, ours, opened, copied, logged, switched, fromUs, call, written, suggested };
}

/** A valid payload for every request channel: a channel added to the map without one here is a compile error. */
const SAMPLE_PAYLOADS: { [K in InvokeKey]: InvokePayload<K> } = {
  'api:status': undefined,
  'api:setup': undefined,
  'api:feed': { limit: 10 },
  'api:markRead': { all: true },
  'api:exportFeed': { filter: 'alerts' },
  'api:exportHistory': { key: '1:A' },
  'api:undoMarkRead': { id: 'u1' },
  'api:product': { key: '1:A' },
  'api:listWatches': undefined,
  'api:createWatch': { target: { catalogId: '1', catalogItemId: 'A' }, rules: [{ kind: 'price-change' }] },
  'api:updateWatch': { id: 'w1', muted: true },
  'api:deleteWatch': { id: 'w1' },
  'api:quarantine': undefined,
  'api:reprocessQuarantine': undefined,
  'api:dismissQuarantine': { ids: ['12'] },
  'api:getSettings': undefined,
  'api:updateSettings': { launchAtLogin: true },
  'api:previewRetention': { historyPerProduct: 10 },
  'api:regenerateSecret': undefined,
  'api:acknowledgeUrlChange': undefined,
  'api:previewMapping': { raw: { query: '', body: '{}' }, mapping: {} },
  'api:addDevice': { name: 'Laptop' },
  'api:listDevices': undefined,
  'api:revokeDevice': { id: 'd1' },
  'api:getImpactAccount': undefined,
  'api:connectImpactAccount': { accountSid: 'IRabc12345', authToken: 'token-12345' },
  'api:disconnectImpactAccount': undefined,
  'api:listCatalogs': undefined,
  'api:searchCatalog': { q: 'tent' },
  'api:reconcile': {},
  'api:listChannels': undefined,
  'api:createChannel': { name: 'Team', url: 'json://127.0.0.1:9/hook' },
  'api:updateChannel': { id: 'c1', enabled: false },
  'api:deleteChannel': { id: 'c1' },
  'api:testChannel': { id: 'c1' },
  'api:listBackups': undefined,
  'api:backUpNow': undefined,
  'api:listSites': undefined,
  'api:addSite': { url: 'https://blog.test/sitemap.xml' },
  'api:deleteSite': { id: 's1' },
  'api:scanSites': undefined,
  'api:listPages': { attention: '1' },
  'api:pageLinks': { url: 'https://blog.test/reviews/best-tents' },
  'shell:openExternal': 'https://shop.example/p',
  'shell:copyText': 'http://127.0.0.1:8787/postback/abc',
  'shell:saveExport': { kind: 'feed', view: { filter: 'alerts' } },
  'desktop:getConnection': undefined,
  'desktop:followHub': {
    link: 'shelfwatch://pair?hub=https%3A%2F%2Fhub.example&code=K7QM-3RXT-9HZC',
    deviceName: 'Ada',
  },
  'desktop:useThisComputer': undefined,
};

describe('IPC', () => {
  it('registers exactly the channels of the map', () => {
    const { ipcMain } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(INVOKE_KEYS.map(channelOf).sort());
    expect(INVOKE_KEYS.length).toBe(Object.keys(SAMPLE_PAYLOADS).length);
  });

  it.each(INVOKE_KEYS)('%s: refused from an untrusted frame, served from ours', async (key) => {
    const { api, calls } = recordingApi();
    const { call, ours, opened, copied, switched } = setup(api);
    const strangers: IpcSenderEvent[] = [
      { sender: ours, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender: ours, senderFrame: { url: 'file:///tmp/evil.html', parent: null } },
      { sender: ours, senderFrame: { url: rendererUrl, parent: {} } },
      { sender: ours, senderFrame: null },
      { sender: new FakeWebContents(), senderFrame: { url: rendererUrl, parent: null } },
    ];
    for (const stranger of strangers) {
      await expect(call(key, SAMPLE_PAYLOADS[key], stranger)).resolves.toEqual({
        ok: false,
        error: { status: 403, message: 'Not allowed' },
      });
    }
    expect([calls, opened, copied, switched]).toEqual([[], [], [], []]);
    await expect(call(key, SAMPLE_PAYLOADS[key])).resolves.toMatchObject({ ok: true });
    expect(calls.length + opened.length + copied.length + switched.length).toBe(1);
  });

  it('passes a trusted call to the engine with its payload and returns the answer', async () => {
    const { api, calls } = recordingApi();
    const { call } = setup(api);
    await expect(call(apiKey('feed'), { filter: 'alerts' })).resolves.toEqual({
      ok: true,
      value: { answeredBy: 'feed' },
    });
    expect(calls).toEqual([['feed', { filter: 'alerts' }]]);
  });

  it('answers an ApiError with its status and message, and anything else with a generic 500 (logged in full)', async () => {
    const unexpected = Object.assign(new Error("EACCES: permission denied, open '/home/ada/secret'"), {
      code: 'EACCES',
    });
    const api = {
      ...recordingApi().api,
      product: async () => Promise.reject(new ApiError(404, 'No postback has mentioned this product yet.')),
      status: async () => Promise.reject(unexpected),
    };
    const { call, logged } = setup(api);
    await expect(call(apiKey('product'), { key: '1:2' })).resolves.toEqual({
      ok: false,
      error: { status: 404, message: 'No postback has mentioned this product yet.' },
    });
    const reply = await call(apiKey('status'), undefined);
    expect(reply).toEqual({
      ok: false,
      error: { status: 500, message: expect.stringMatching(/^Something went wrong/) },
    });
    expect(JSON.stringify(reply)).not.toContain('/home/ada');
    expect(JSON.stringify(logged)).toContain('/home/ada/secret');
  });

  it('opens only http(s) links externally', async () => {
    const { call, opened } = setup();
    await call('shell:openExternal', 'https://shop.example/p?id=1');
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'ms-settings:',
      'not a url',
      42,
      'x'.repeat(9_000),
    ]) {
      await expect(call('shell:openExternal', url)).resolves.toMatchObject({ ok: false, error: { status: 400 } });
    }
    expect(opened).toEqual(['https://shop.example/p?id=1']);
  });

  it('copies text to the clipboard, and nothing that is not text or too long', async () => {
    const { call, copied } = setup();
    await call('shell:copyText', 'http://127.0.0.1:8787/postback/abc');
    await expect(call('shell:copyText', { not: 'text' })).resolves.toMatchObject({ ok: false, error: { status: 400 } });
    await expect(call('shell:copyText', 'x'.repeat(100_001))).resolves.toMatchObject({ ok: false });
    expect(copied).toEqual(['http://127.0.0.1:8787/postback/abc']);
  });

  it('saves an export where the user chose, asked of the same UI API, and nothing when the dialog is closed', async () => {
    const file = { filename: 'shelfwatch-feed-alerts-2026-12-07.csv', csv: 'Time\r\n', rows: 0, truncated: false };
    const api = { ...recordingApi().api, exportFeed: async () => file };
    const { call, written, suggested } = setup(api);
    await expect(call('shell:saveExport', { kind: 'feed', view: { filter: 'alerts' } })).resolves.toEqual({
      ok: true,
      value: { saved: true, rows: 0, truncated: false },
    });
    expect(suggested).toEqual(['shelfwatch-feed-alerts-2026-12-07.csv']);
    expect(written).toEqual([['/home/ada/Downloads/feed.csv', 'Time\r\n']]);
    for (const payload of [undefined, { kind: 'all' }, { kind: 'history', key: 'nocolon' }, { kind: 'feed', x: 1 }]) {
      await expect(call('shell:saveExport', payload)).resolves.toMatchObject({ ok: false, error: { status: 400 } });
    }

    const closed = setup(api, null);
    await expect(closed.call('shell:saveExport', { kind: 'feed' })).resolves.toMatchObject({
      ok: true,
      value: { saved: false },
    });
    expect(closed.written).toEqual([]);
  });

  it('parses a pairing request before it reaches the connection handlers', async () => {
    const { call, switched } = setup();
    for (const payload of [
      undefined,
      { link: '', deviceName: 'x' },
      { link: 'x', deviceName: 'y'.repeat(81) },
      { link: 'x', deviceName: 'y', extra: 1 },
    ]) {
      await expect(call('desktop:followHub', payload)).resolves.toMatchObject({ ok: false, error: { status: 400 } });
    }
    await call('desktop:followHub', { link: '  shelfwatch://pair?x  ', deviceName: ' Ada ' });
    expect(switched).toEqual([{ link: 'shelfwatch://pair?x', deviceName: 'Ada' }]);
  });

  it('pushes engine events and navigation to the window, and nothing once it is gone', () => {
    const target = new FakeWebContents();
    const link = createRendererLink(() => target);
    link.sendEvent({ type: 'feed', entries: [] });
    link.navigate('#/product/1%3A2');
    target.destroyed = true;
    link.navigate('#/feed');
    expect(target.sent).toEqual([
      [channelOf('event'), [{ type: 'feed', entries: [] }]],
      [channelOf('navigate'), ['#/product/1%3A2']],
    ]);
  });
});

describe('IPC over the real engine', () => {
  it('parses requests like HTTP does: a bad settings patch is a 400 naming the field, and nothing is journaled', async () => {
    const temp = makeTempDir('shelfwatch-ipc-');
    const engine = await openEngine({ dataDir: temp.dir, receiverPort: 0 });
    try {
      const { call } = setup(engine.api);
      const journal = () =>
        fs
          .readdirSync(path.join(temp.dir, 'journal'))
          .map((name) => fs.statSync(path.join(temp.dir, 'journal', name)).size);
      const before = journal();
      for (const patch of [{ receiver: 5 }, { retention: 5 }, { toString: 5 }, { retention: { feedEntries: 99 } }]) {
        const reply = await call(apiKey('updateSettings'), patch);
        expect(reply).toMatchObject({ ok: false, error: { status: 400 } });
      }
      expect(await call(apiKey('updateSettings'), { retention: { feedEntries: 99 } })).toEqual({
        ok: false,
        error: { status: 400, message: 'retention.feedEntries must be a whole number from 100 to 5,000,000.' },
      });
      expect(journal()).toEqual(before);
      await expect(call(apiKey('updateSettings'), { launchAtLogin: true })).resolves.toMatchObject({ ok: true });
      expect(journal()).not.toEqual(before);
      // IPC keeps undefined fields (JSON would drop them): they change nothing, live as after a replay
      const untouched = await call(apiKey('updateSettings'), {
        alertsPausedUntil: undefined,
        retention: { journalDays: undefined },
      });
      expect(untouched).toMatchObject({ ok: true, value: { alertsPausedUntil: null, retention: { journalDays: 7 } } });
    } finally {
      await engine.close();
      temp.remove();
    }
  });
});
