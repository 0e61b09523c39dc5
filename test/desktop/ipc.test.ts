import { describe, expect, it } from 'vitest';
import { registerIpc } from '../../main/desktop/ipc.js';
import { desktopPaths } from '../../main/desktop/paths.js';
import { createRendererLink } from '../../main/desktop/renderer-link.js';
import { SHELL_CHANNELS } from '../../main/desktop/shell-channels.js';
import { createSenderCheck, type IpcSenderEvent } from '../../main/desktop/trusted-sender.js';
import { API_ROUTES, IPC_EVENT_CHANNEL, ipcChannel, type UiApi } from '../../shared/api.js';
import { FakeIpcMain, recordingApi, silentLog } from './fake-ipc.js';
import { FakeWebContents } from './fake-window.js';

const { rendererUrl } = desktopPaths('/app/dist/main');

function setup(api: UiApi = recordingApi().api) {
  const ipcMain = new FakeIpcMain();
  const ours = new FakeWebContents();
  const opened: string[] = [];
  const copied: string[] = [];
  registerIpc({
    ipcMain,
    api,
    isTrustedSender: createSenderCheck(() => ours, rendererUrl, 'linux'),
    openExternal: async (url) => {
      opened.push(url);
    },
    writeClipboard: (text) => copied.push(text),
    log: silentLog,
  });
  const fromUs: IpcSenderEvent = { sender: ours, senderFrame: { url: `${rendererUrl}#/feed`, parent: null } };
  return { ipcMain, ours, opened, copied, fromUs };
}

describe('IPC', () => {
  it('registers one handler per API method plus the shell channels', () => {
    const { ipcMain } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(
      [
        ...Object.keys(API_ROUTES).map((m) => ipcChannel(m as keyof typeof API_ROUTES)),
        SHELL_CHANNELS.openExternal,
        SHELL_CHANNELS.copyText,
      ].sort(),
    );
  });

  it('passes a trusted call to the engine and returns its answer', async () => {
    const { api, calls } = recordingApi();
    const { ipcMain, fromUs } = setup(api);
    await expect(ipcMain.invoke(ipcChannel('feed'), fromUs, { filter: 'alerts' })).resolves.toEqual({
      answeredBy: 'feed',
    });
    expect(calls).toEqual([['feed', { filter: 'alerts' }]]);
  });

  it('rejects calls from a foreign frame URL, a subframe or another webContents without calling the engine', async () => {
    const { api, calls } = recordingApi();
    const { ipcMain, ours } = setup(api);
    const foreign: IpcSenderEvent[] = [
      { sender: ours, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender: ours, senderFrame: { url: 'file:///tmp/evil.html', parent: null } },
      { sender: ours, senderFrame: { url: rendererUrl, parent: {} } },
      { sender: ours, senderFrame: null },
      { sender: new FakeWebContents(), senderFrame: { url: rendererUrl, parent: null } },
    ];
    for (const event of foreign) {
      await expect(ipcMain.invoke(ipcChannel('updateSettings'), event, { launchAtLogin: true })).rejects.toThrow(
        'Not allowed',
      );
      await expect(ipcMain.invoke(SHELL_CHANNELS.openExternal, event, 'https://ok.example')).rejects.toThrow(
        'Not allowed',
      );
    }
    expect(calls).toEqual([]);
  });

  it('rethrows engine failures as plain Errors carrying only the message', async () => {
    const failure = Object.assign(new Error('No product 1:2'), { code: 'ENOTFOUND', status: 404 });
    const api = { ...recordingApi().api, product: async () => Promise.reject(failure) };
    const { ipcMain, fromUs } = setup(api);
    const error = await ipcMain.invoke(ipcChannel('product'), fromUs, { key: '1:2' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBe(failure);
    expect({ ...(error as object) }).toEqual({});
    expect((error as Error).message).toBe('No product 1:2');
  });

  it('opens only http(s) links externally', async () => {
    const { ipcMain, fromUs, opened } = setup();
    await ipcMain.invoke(SHELL_CHANNELS.openExternal, fromUs, 'https://shop.example/p?id=1');
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'ms-settings:', 'not a url', 42]) {
      await expect(ipcMain.invoke(SHELL_CHANNELS.openExternal, fromUs, url)).rejects.toThrow('Only http and https');
    }
    expect(opened).toEqual(['https://shop.example/p?id=1']);
  });

  it('copies text to the clipboard', async () => {
    const { ipcMain, fromUs, copied } = setup();
    await ipcMain.invoke(SHELL_CHANNELS.copyText, fromUs, 'http://127.0.0.1:8787/postback/abc');
    await expect(ipcMain.invoke(SHELL_CHANNELS.copyText, fromUs, { not: 'text' })).rejects.toThrow();
    expect(copied).toEqual(['http://127.0.0.1:8787/postback/abc']);
  });

  it('pushes engine events and navigation to the window, and nothing once it is gone', () => {
    const target = new FakeWebContents();
    const link = createRendererLink(() => target);
    link.sendEvent({ type: 'feed', entries: [] });
    link.navigate('#/product/1%3A2');
    target.destroyed = true;
    link.navigate('#/feed');
    expect(target.sent).toEqual([
      [IPC_EVENT_CHANNEL, [{ type: 'feed', entries: [] }]],
      [SHELL_CHANNELS.navigate, ['#/product/1%3A2']],
    ]);
  });
});
