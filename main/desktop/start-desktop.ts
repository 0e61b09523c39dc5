// The desktop face's lifecycle: one instance, the data folder, the backend (this computer's engine or a followed
// hub), the face, a clean quit. Electron's app and the backend are injected so this is tested under plain Node;
// main/index.ts passes the real ones.
import { join } from 'node:path';
import type { Logger } from '../engine/index.js';
import type { DesktopBackend } from './backend.js';

export const APP_ID = 'com.shelfwatch.app';
export const PRODUCT_NAME = 'Shelfwatch';
export const LOCKED_MESSAGE = 'Shelfwatch is already running on this data folder (perhaps `npm run serve`).';
/** backend.close() checkpoints the store; past this the app quits anyway (the journal makes that safe) */
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
  openBackend: (options: { dataDir: string; log: Logger }) => Promise<DesktopBackend>;
  createFace: (backend: DesktopBackend, lifecycle: Lifecycle, dataDir: string) => Promise<DesktopFace>;
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
  let backend: DesktopBackend | null = null;
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

  const closeBackend = (): Promise<void> => {
    closing ??= (async () => {
      face?.dispose();
      if (!backend) return;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          log.error('quit: the backend did not close in time');
          resolve();
        }, CLOSE_TIMEOUT_MS);
      });
      await Promise.race([
        backend.close().catch((error) => log.error('quit: backend close failed', { error: messageOf(error) })),
        timeout,
      ]);
      clearTimeout(timer);
    })();
    return closing;
  };

  app.on('before-quit', (event) => {
    quitting = true;
    if (!backend) return;
    // hold the quit until the backend has closed (the engine checkpoints the store and releases the data-folder lock)
    event.preventDefault();
    closeBackend().finally(() => app.exit(0));
  });

  await app.whenReady();
  try {
    backend = await options.openBackend({ dataDir, log });
  } catch (error) {
    if (isLocked(error)) options.showError(PRODUCT_NAME, LOCKED_MESSAGE);
    else options.showError('Shelfwatch could not start', messageOf(error));
    log.error('start: the backend did not open', { error: messageOf(error) });
    quitting = true;
    app.quit();
    return 'not-started';
  }
  if (quitting) {
    await closeBackend(); // Quit was chosen while the backend was opening
    app.exit(0);
    return 'not-started';
  }

  // The face subscribes to events before the receiver starts, so no early alert is missed.
  try {
    face = await options.createFace(backend, { isQuitting: () => quitting }, dataDir);
  } catch (error) {
    options.showError('Shelfwatch could not start', messageOf(error));
    log.error('start: the desktop face failed', { error: messageOf(error) });
    app.quit(); // before-quit closes the backend
    return 'not-started';
  }
  if (showRequested) face.showWindow();
  try {
    log.info(await backend.start());
  } catch (error) {
    // stay up: the window is where the port can be changed
    options.showError('The postback receiver did not start', `${messageOf(error)}\n\nChange the port in Settings.`);
  }
  return 'running';
}
