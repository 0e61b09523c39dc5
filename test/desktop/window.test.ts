import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/desktop/csp.js';
import { desktopPaths } from '../../main/desktop/paths.js';
import { createMainWindow, revealWindow } from '../../main/desktop/window.js';
import { FakeWindow } from './fake-window.js';

const paths = desktopPaths('/opt/Shelfwatch/resources/app.asar/dist/main');

function openWindow(options: { quitting?: boolean; startHidden?: boolean } = {}) {
  const opened: string[] = [];
  let window: FakeWindow | undefined;
  const created = createMainWindow({
    createWindow: (windowOptions) => {
      window = new FakeWindow(windowOptions);
      return window;
    },
    openExternal: async (url) => {
      opened.push(url);
    },
    paths,
    isQuitting: () => options.quitting ?? false,
    startHidden: options.startHidden ?? false,
  });
  if (!window || created !== window) throw new Error('createMainWindow did not use the factory');
  return { window, opened };
}

describe('main window', () => {
  it('is created hardened, with the bundled preload, and loads the built renderer file', () => {
    const { window } = openWindow();
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: '/opt/Shelfwatch/resources/app.asar/dist/main/preload.cjs',
    });
    expect(window.loadedFile).toBe('/opt/Shelfwatch/resources/app.asar/dist/renderer/index.html');
    expect(paths.rendererUrl).toBe('file:///opt/Shelfwatch/resources/app.asar/dist/renderer/index.html');
  });

  it('sends the strict CSP on every response, replacing any other CSP header', () => {
    const { window } = openWindow();
    const headers = window.webContents.session.respond({ 'content-security-policy': ['default-src *'], 'x-a': ['1'] });
    expect(headers).toEqual({ 'x-a': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; img-src 'self' https: data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
  });

  it('denies every permission request from the page', () => {
    const { window } = openWindow();
    const granted = vi.fn();
    window.webContents.session.permissionHandler?.({}, 'geolocation', granted);
    expect(granted).toHaveBeenCalledWith(false);
  });

  it('denies new windows and hands only http(s) links to the browser', () => {
    const { window, opened } = openWindow();
    const decide = (url: string) => window.webContents.openHandler?.({ url }).action;
    expect(decide('https://shop.example/p/1')).toBe('deny');
    expect(decide('http://shop.example/p/2')).toBe('deny');
    expect(decide('file:///etc/passwd')).toBe('deny');
    expect(decide('javascript:alert(1)')).toBe('deny');
    expect(decide('smb://host/share')).toBe('deny');
    expect(opened).toEqual(['https://shop.example/p/1', 'http://shop.example/p/2']);
  });

  it('lets the window move only within our renderer file', () => {
    const { window, opened } = openWindow();
    expect(window.webContents.navigate(`${paths.rendererUrl}#/feed`)).toBe(false);
    expect(window.webContents.navigate('file:///opt/Shelfwatch/resources/app.asar/dist/renderer/other.html')).toBe(
      true,
    );
    expect(window.webContents.navigate('file:///etc/passwd')).toBe(true);
    expect(window.webContents.navigate('https://evil.example/')).toBe(true);
    expect(window.webContents.attachWebview()).toBe(true);
    expect(opened).toEqual(['https://evil.example/']);
  });

  it('hides to the tray on close, and really closes when quitting', () => {
    const staying = openWindow();
    expect(staying.window.close()).toBe(true);
    expect(staying.window.calls).toEqual(['hide']);
    const quitting = openWindow({ quitting: true });
    expect(quitting.window.close()).toBe(false);
    expect(quitting.window.calls).toEqual([]);
  });

  it('shows when ready unless launched hidden at login', () => {
    const visible = openWindow();
    visible.window.emit('ready-to-show');
    expect(visible.window.visible).toBe(true);
    const hidden = openWindow({ startHidden: true });
    hidden.window.emit('ready-to-show');
    expect(hidden.window.visible).toBe(false);
  });

  it('reveals a minimised window', () => {
    const { window } = openWindow({ startHidden: true });
    window.minimized = true;
    revealWindow(window);
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
  });
});
