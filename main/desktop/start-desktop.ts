// The desktop face's lifecycle: one instance, the data folder, the engine, the face, a clean quit.
// Electron's app and the engine are injected so this is tested under plain Node; main/index.ts passes the real ones.
import { join } from 'node:path';
import type { Engine, EngineOptions, Logger } from '../engine/types.js';

export const APP_ID = 'com.shelfwatch.app';
export const PRODUCT_NAME = 'Shelfwatch';
export const LOCKED_MESSAGE = 'Shelfwatch is already running on this data folder (perhaps `npm run serve`).';
/** engine.close() checkpoints the store; past this the app quits anyway (the journal makes that safe) */
export const CLOSE_TIMEOUT_MS = 10_000;

export interface AppLike {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'activate', listener: () => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  whenReady(): Promise<unknown>;
  getPath(name: 'appData'): string;
  setPath(name: 'userData', path: string): void;
  setAppUserModelId(id: string): void;
  quit(): void;
  exit(exitCode?: number): void;
}

export interface DesktopFace {
  showWindow(): void;
  dispose(): void;
}

export interface Lifecycle {
  isQuitting(): boolean;
}

export interface StartDesktopOptions {
  app: AppLike;
  platform: NodeJS.Platform;
  openEngine: (options: EngineOptions) => Promise<Engine>;
  createFace: (engine: Engine, lifecycle: Lifecycle) => Promise<DesktopFace>;
  showError: (title: string, message: string) => void;
  log: Logger;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const isLocked = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ELOCKED';

/** Resolves once the face is up (or the start was abandoned). */
export async function startDesktop(options: StartDesktopOptions): Promise<'running' | 'not-started'> {
  const { app, log } = options;
  if (!app.requestSingleInstanceLock()) {
    app.quit(); // the first instance gets 'second-instance' and shows its window
    return 'not-started';
  }
  // Both faces use the OS's "Shelfwatch" folder; an unpackaged run would otherwise use package.json's lowercase name.
  const dataDir = join(app.getPath('appData'), PRODUCT_NAME);
  app.setPath('userData', dataDir);
  // Windows ties notifications (and their clicks) to this id; it must match the installer's appId.
  if (options.platform === 'win32') app.setAppUserModelId(APP_ID);

  let quitting = false;
  let engine: Engine | null = null;
  let face: DesktopFace | null = null;
  let showRequested = false;
  let closing: Promise<void> | null = null;

  const showWindow = () => {
    if (face) face.showWindow();
    else showRequested = true;
  };
  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
  app.on('window-all-closed', () => {}); // the app lives in the tray; a closed window is not a quit

  const closeEngine = (): Promise<void> => {
    closing ??= (async () => {
      face?.dispose();
      if (!engine) return;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          log.error('quit: the engine did not close in time');
          resolve();
        }, CLOSE_TIMEOUT_MS);
      });
      await Promise.race([
        engine.close().catch((error) => log.error('quit: engine close failed', { error: messageOf(error) })),
        timeout,
      ]);
      clearTimeout(timer);
    })();
    return closing;
  };

  app.on('before-quit', (event) => {
    quitting = true;
    if (!engine) return;
    // hold the quit until the engine has checkpointed the store and released the data-folder lock
    event.preventDefault();
    closeEngine().finally(() => app.exit(0));
  });

  await app.whenReady();
  try {
    engine = await options.openEngine({ dataDir, log });
  } catch (error) {
    if (isLocked(error)) options.showError(PRODUCT_NAME, LOCKED_MESSAGE);
    else options.showError('Shelfwatch could not start', messageOf(error));
    log.error('start: the engine did not open', { error: messageOf(error) });
    quitting = true;
    app.quit();
    return 'not-started';
  }
  if (quitting) {
    await closeEngine(); // Quit was chosen while the engine was opening
    app.exit(0);
    return 'not-started';
  }

  // The face subscribes to engine events before the receiver starts, so no early alert is missed.
  try {
    face = await options.createFace(engine, { isQuitting: () => quitting });
  } catch (error) {
    options.showError('Shelfwatch could not start', messageOf(error));
    log.error('start: the desktop face failed', { error: messageOf(error) });
    app.quit(); // before-quit closes the engine
    return 'not-started';
  }
  if (showRequested) face.showWindow();
  try {
    const address = await engine.startReceiver();
    log.info('receiver listening', { host: address.host, port: address.port });
  } catch (error) {
    // stay up: the window is where the port can be changed
    options.showError('The postback receiver did not start', `${messageOf(error)}\n\nChange the port in Settings.`);
  }
  return 'running';
}
