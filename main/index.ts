// The Electron composition root: wiring only. The lifecycle is in desktop/start-desktop.ts, the face in
// desktop/face.ts, the choice between this computer's engine and a followed hub in desktop/open-backend.ts; this
// file hands them the real electron app, safeStorage, the engine and the follower.
import { hostname } from 'node:os';
import { app, dialog, safeStorage } from 'electron';
import { consoleLog } from './desktop/console-log.js';
import { createDesktopFace } from './desktop/face.js';
import { openDesktopBackend } from './desktop/open-backend.js';
import { sqliteBindingPath } from './desktop/sqlite-binding.js';
import { startDesktop } from './desktop/start-desktop.js';
import { openEngine, setSqliteBinding } from './engine/index.js';
import { createHubFollower } from './follower/index.js';

setSqliteBinding(
  sqliteBindingPath({ isPackaged: app.isPackaged, appPath: app.getAppPath(), resourcesPath: process.resourcesPath }),
);

startDesktop({
  app,
  platform: process.platform,
  openBackend: (options) =>
    openDesktopBackend(options, {
      platform: process.platform,
      safeStorage,
      openEngine,
      createFollower: createHubFollower,
    }),
  createFace: (backend, lifecycle, dataDir) =>
    createDesktopFace(backend, lifecycle, {
      // bundled to dist/main/index.cjs: __dirname is dist/main (also inside app.asar)
      mainDir: __dirname,
      dataDir,
      platform: process.platform,
      argv: process.argv,
      env: process.env,
      hostName: hostname().replace(/\.local$/, ''),
      log: consoleLog,
    }),
  showError: (title, message) => dialog.showErrorBox(title, message),
  log: consoleLog,
}).catch((error: unknown) => {
  consoleLog.error('start: failed', { error: String(error) });
  app.exit(1);
});
