// The Electron composition root: wiring only. The lifecycle is in desktop/start-desktop.ts, the face in
// desktop/face.ts; this file hands them the real electron app and the engine.
import { app, dialog } from 'electron';
import { consoleLog } from './desktop/console-log.js';
import { createDesktopFace } from './desktop/face.js';
import { startDesktop } from './desktop/start-desktop.js';
import { openEngine } from './engine/index.js';

startDesktop({
  app,
  platform: process.platform,
  openEngine,
  createFace: (engine, lifecycle) =>
    createDesktopFace(engine, lifecycle, {
      // bundled to dist/main/index.cjs: __dirname is dist/main (also inside app.asar)
      mainDir: __dirname,
      platform: process.platform,
      argv: process.argv,
      env: process.env,
      log: consoleLog,
    }),
  showError: (title, message) => dialog.showErrorBox(title, message),
  log: consoleLog,
}).catch((error: unknown) => {
  consoleLog.error('start: failed', { error: String(error) });
  app.exit(1);
});
