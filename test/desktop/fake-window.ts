// Typed stand-ins for BrowserWindow / WebContents / Session: they record what the code set up and let a test
// trigger the handlers (navigation, window.open, close, response headers).
import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import type { SessionLike } from '../../main/desktop/csp.js';
import type { WebContentsLike, WindowLike } from '../../main/desktop/window.js';

type Headers = Record<string, string[]>;
type HeadersListener = Parameters<SessionLike['webRequest']['onHeadersReceived']>[0];
type PermissionHandler = Parameters<SessionLike['setPermissionRequestHandler']>[0];

export class FakeSession implements SessionLike, Pick<Session, 'setPermissionRequestHandler'> {
  headersListener: HeadersListener | null = null;
  permissionHandler: PermissionHandler | null = null;
  webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: PermissionHandler): void {
    this.permissionHandler = handler;
  }
  /** what the session would deliver for a response with these headers */
  respond(responseHeaders: Headers): Record<string, string | string[]> | undefined {
    let result: Record<string, string | string[]> | undefined;
    this.headersListener?.({ responseHeaders }, (response) => {
      result = response.responseHeaders;
    });
    return result;
  }
}

export class FakeWebContents implements WebContentsLike, Pick<WebContents, 'send' | 'isDestroyed'> {
  readonly session = new FakeSession();
  readonly sent: Array<[string, unknown[]]> = [];
  destroyed = false;
  openHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  private readonly listeners = new Map<string, Array<(event: never) => void>>();

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.openHandler = handler;
  }
  on(event: string, listener: (event: never) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, args]);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** emits will-navigate; returns true when a listener prevented it */
  navigate(url: string): boolean {
    let prevented = false;
    const event = { url, preventDefault: () => (prevented = true) };
    for (const listener of this.listeners.get('will-navigate') ?? []) (listener as (e: typeof event) => void)(event);
    return prevented;
  }
  attachWebview(): boolean {
    let prevented = false;
    const event = { preventDefault: () => (prevented = true) };
    for (const listener of this.listeners.get('will-attach-webview') ?? [])
      (listener as (e: typeof event) => void)(event);
    return prevented;
  }
}

export class FakeWindow
  implements
    WindowLike,
    Pick<BrowserWindow, 'loadFile' | 'show' | 'hide' | 'focus' | 'restore' | 'isMinimized' | 'isDestroyed'>
{
  readonly webContents = new FakeWebContents();
  readonly calls: string[] = [];
  loadedFile: string | null = null;
  minimized = false;
  visible = false;
  private readonly listeners = new Map<string, Array<(event: never) => void>>();

  constructor(readonly options: BrowserWindowConstructorOptions = {}) {}

  async loadFile(filePath: string): Promise<void> {
    this.loadedFile = filePath;
  }
  on(event: string, listener: (event: never) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: (event: never) => void): this {
    return this.on(event, listener);
  }
  show(): void {
    this.calls.push('show');
    this.visible = true;
  }
  hide(): void {
    this.calls.push('hide');
    this.visible = false;
  }
  focus(): void {
    this.calls.push('focus');
  }
  restore(): void {
    this.calls.push('restore');
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return false;
  }
  /** emits close; returns true when a listener prevented it */
  close(): boolean {
    let prevented = false;
    const event = { preventDefault: () => (prevented = true) };
    for (const listener of this.listeners.get('close') ?? []) (listener as (e: typeof event) => void)(event);
    return prevented;
  }
  emit(event: 'ready-to-show'): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as () => void)();
  }
}
