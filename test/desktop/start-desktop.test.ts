import { afterEach, describe, expect, it, vi } from 'vitest';
import { localBackend } from '../../main/desktop/backend.js';
import {
  CLOSE_TIMEOUT_MS,
  type DesktopFace,
  type Lifecycle,
  LOCKED_MESSAGE,
  startDesktop,
} from '../../main/desktop/start-desktop.js';
import { FakeApp, FakeEngine } from './fake-app.js';
import { silentLog } from './fake-ipc.js';

function start(options: { app?: FakeApp; platform?: NodeJS.Platform; openError?: unknown; engine?: FakeEngine } = {}) {
  const app = options.app ?? new FakeApp();
  const engine = options.engine ?? new FakeEngine();
  const errors: Array<[string, string]> = [];
  const opened: Array<{ dataDir: string }> = [];
  const faceCalls: string[] = [];
  let lifecycle: Lifecycle | null = null;
  const running = startDesktop({
    app,
    platform: options.platform ?? 'linux',
    openBackend: async (backendOptions) => {
      opened.push(backendOptions);
      if (options.openError) throw options.openError;
      return localBackend(engine);
    },
    createFace: async (backend, faceLifecycle): Promise<DesktopFace> => {
      lifecycle = faceLifecycle;
      backend.subscribe(() => {});
      return { showWindow: () => faceCalls.push('showWindow'), dispose: () => faceCalls.push('dispose') };
    },
    showError: (title, message) => errors.push([title, message]),
    log: silentLog,
  });
  return { app, engine, errors, opened, faceCalls, running, lifecycle: () => lifecycle };
}

afterEach(() => vi.useRealTimers());

describe('desktop start-up', () => {
  it('opens the engine on the Shelfwatch user-data folder, subscribes, then starts the receiver', async () => {
    const { running, opened, engine, app } = start();
    await expect(running).resolves.toBe('running');
    expect(opened.map((o) => o.dataDir)).toEqual(['/home/ada/.config/Shelfwatch']);
    expect(app.paths.get('userData')).toBe('/home/ada/.config/Shelfwatch');
    expect(engine.calls).toEqual(['subscribe', 'startReceiver']);
  });

  it('sets the Windows AppUserModelId', async () => {
    const { running, app } = start({ platform: 'win32' });
    await running;
    expect(app.calls).toContain('setAppUserModelId com.shelfwatch.app');
  });

  it('quits at once when another instance holds the lock', async () => {
    const { running, opened, app } = start({ app: new FakeApp(false) });
    await expect(running).resolves.toBe('not-started');
    expect(opened).toEqual([]);
    expect(app.calls).toEqual(['quit', 'quit done']);
  });

  it('shows the window when a second instance is launched', async () => {
    const { running, app, faceCalls } = start();
    app.emit('second-instance'); // before the face exists: remembered
    await running;
    app.emit('second-instance');
    expect(faceCalls).toEqual(['showWindow', 'showWindow']);
  });

  it('explains a locked data folder and quits', async () => {
    const locked = Object.assign(new Error('locked by pid 42'), { code: 'ELOCKED' });
    const { running, errors, app } = start({ openError: locked });
    await expect(running).resolves.toBe('not-started');
    expect(errors).toEqual([['Shelfwatch', LOCKED_MESSAGE]]);
    expect(LOCKED_MESSAGE).toBe('Shelfwatch is already running on this data folder (perhaps `npm run serve`).');
    expect(app.calls).toContain('quit');
  });

  it('stays up and says so when the receiver cannot listen', async () => {
    const engine = new FakeEngine();
    engine.receiverFailure = new Error('listen EADDRINUSE 127.0.0.1:8787');
    const { running, errors } = start({ engine });
    await expect(running).resolves.toBe('running');
    expect(errors[0]?.[1]).toMatch(/EADDRINUSE.*\n\nChange the port in Settings\./s);
  });

  it('on quit, marks quitting, disposes the face and closes the engine before exiting', async () => {
    const { running, app, engine, faceCalls, lifecycle } = start();
    await running;
    expect(lifecycle()?.isQuitting()).toBe(false);
    app.quit();
    expect(lifecycle()?.isQuitting()).toBe(true);
    expect(app.calls).not.toContain('quit done'); // held until the engine closed
    await vi.waitFor(() => expect(app.calls).toContain('exit 0'));
    expect(faceCalls).toEqual(['dispose']);
    expect(engine.calls.filter((call) => call === 'close')).toHaveLength(1);
  });

  it('exits even when the engine never finishes closing', async () => {
    const engine = new FakeEngine();
    engine.closeResult = new Promise(() => {});
    const { running, app } = start({ engine });
    await running;
    vi.useFakeTimers();
    app.quit();
    await vi.advanceTimersByTimeAsync(CLOSE_TIMEOUT_MS);
    expect(app.calls).toContain('exit 0');
  });
});
