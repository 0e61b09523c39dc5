// The main window: hardened webPreferences, CSP, no navigation or new windows, hides to the tray on close.
// On Wayland a window cannot be placed next to the tray, so it is a normal, system-placed window everywhere.
import type { BrowserWindowConstructorOptions } from 'electron';
import { hardenSession, type SessionLike } from './csp.js';
import { type DesktopPaths, isRendererUrl, isWebUrl } from './paths.js';

interface PreventableEvent {
  preventDefault(): void;
}

/** The part of Electron's WebContents used by the desktop face. */
export interface WebContentsLike {
  readonly session: SessionLike;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void;
  on(event: 'will-navigate', listener: (event: PreventableEvent & { url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

/** The part of Electron's BrowserWindow used by the desktop face. */
export interface WindowLike {
  readonly webContents: WebContentsLike;
  loadFile(filePath: string): Promise<void>;
  on(event: 'close', listener: (event: PreventableEvent) => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  hide(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
}

export interface MainWindowOptions {
  createWindow: (options: BrowserWindowConstructorOptions) => WindowLike;
  openExternal: (url: string) => Promise<void>;
  paths: DesktopPaths;
  /** true once the user chose Quit: then closing really closes */
  isQuitting: () => boolean;
  /** launched at login: stay in the tray until asked */
  startHidden: boolean;
  onLoadError?: (error: unknown) => void;
}

export function windowOptions(paths: DesktopPaths): BrowserWindowConstructorOptions {
  return {
    title: 'Shelfwatch',
    width: 1100,
    height: 760,
    minWidth: 720,
    minHeight: 480,
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/** Links leave for the browser (http/https only); the window itself never navigates away from our file. */
export function guardNavigation(
  webContents: WebContentsLike,
  rendererUrl: string,
  openExternal: (url: string) => Promise<void>,
): void {
  const openInBrowser = (url: string) => {
    if (isWebUrl(url)) openExternal(url).catch(() => {});
  };
  webContents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url);
    return { action: 'deny' };
  });
  webContents.on('will-navigate', (event) => {
    if (isRendererUrl(event.url, rendererUrl)) return;
    event.preventDefault();
    openInBrowser(event.url);
  });
  webContents.on('will-attach-webview', (event) => event.preventDefault());
}

export function createMainWindow(options: MainWindowOptions): WindowLike {
  const window = options.createWindow(windowOptions(options.paths));
  hardenSession(window.webContents.session);
  guardNavigation(window.webContents, options.paths.rendererUrl, options.openExternal);
  window.on('close', (event) => {
    if (options.isQuitting()) return;
    event.preventDefault();
    window.hide();
  });
  window.once('ready-to-show', () => {
    if (!options.startHidden) revealWindow(window);
  });
  window.loadFile(options.paths.rendererHtml).catch((error: unknown) => options.onLoadError?.(error));
  return window;
}

export function revealWindow(window: WindowLike): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
