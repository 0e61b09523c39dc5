// A typed stand-in for Electron's app plus a fake engine, for the lifecycle tests.
import type { App } from 'electron';
import type { AppLike } from '../../main/desktop/start-desktop.js';
import type { Engine, ReceiverAddress } from '../../main/engine/types.js';
import type { UiApi } from '../../shared/contract/api.js';
import type { UiEvent } from '../../shared/contract/events.js';
import { recordingApi } from './fake-ipc.js';

type AppEvent = 'second-instance' | 'activate' | 'window-all-closed' | 'before-quit';

export class FakeApp
  implements
    AppLike,
    Pick<App, 'requestSingleInstanceLock' | 'whenReady' | 'getPath' | 'setPath' | 'setAppUserModelId' | 'quit' | 'exit'>
{
  readonly calls: string[] = [];
  readonly paths = new Map<string, string>([['appData', '/home/ada/.config']]);
  private readonly listeners = new Map<AppEvent, Array<(event: { preventDefault(): void }) => void>>();

  constructor(private readonly gotLock = true) {}

  requestSingleInstanceLock(): boolean {
    return this.gotLock;
  }
  on(event: AppEvent, listener: (event: { preventDefault(): void }) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  async whenReady(): Promise<void> {}
  getPath(name: 'appData'): string {
    return this.paths.get(name) ?? '';
  }
  setPath(name: 'userData', path: string): void {
    this.paths.set(name, path);
  }
  setAppUserModelId(id: string): void {
    this.calls.push(`setAppUserModelId ${id}`);
  }
  quit(): void {
    this.calls.push('quit');
    // like Electron: quit() emits before-quit; a listener may prevent it
    let prevented = false;
    this.emit('before-quit', () => (prevented = true));
    if (!prevented) this.calls.push('quit done');
  }
  exit(code = 0): void {
    this.calls.push(`exit ${code}`);
  }
  emit(event: AppEvent, preventDefault: () => void = () => {}): void {
    for (const listener of this.listeners.get(event) ?? []) listener({ preventDefault });
  }
}

export class FakeEngine implements Engine {
  readonly calls: string[] = [];
  readonly uiToken = 'ui-token';
  readonly api: UiApi = recordingApi().api;
  apiFor(): UiApi {
    return this.api;
  }
  readonly devices: Engine['devices'] = {
    pair: async () => ({ deviceId: 'd', token: 't' }),
    authenticate: () => null,
    onRevoked: () => () => {},
    setRemote: () => {},
  };
  entriesAfter(): ReturnType<Engine['entriesAfter']> {
    return { entries: [], reset: false };
  }
  appliedSeq(): number {
    return 0;
  }
  listeners = new Set<(event: UiEvent) => void>();
  closeResult: Promise<void> = Promise.resolve();
  receiverFailure: Error | null = null;

  subscribe(listener: (event: UiEvent) => void): () => void {
    this.calls.push('subscribe');
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  async startReceiver(): Promise<ReceiverAddress> {
    this.calls.push('startReceiver');
    if (this.receiverFailure) throw this.receiverFailure;
    return { host: '127.0.0.1', port: 8787, postbackUrl: 'http://127.0.0.1:8787/postback/s' };
  }
  close(): Promise<void> {
    this.calls.push('close');
    return this.closeResult;
  }
  emit(event: UiEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
