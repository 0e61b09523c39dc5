// The server face's UI server: the built React app and the UI API (HTTP + SSE), for loopback only.
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import { LOCAL_DEVICE } from '../engine/store/db/read-state.js';
import type { Engine } from '../engine/types.js';
import { apiRouter } from './api-routes.js';
import { eventsRoute } from './events-route.js';
import { requireLoopbackHost, requireToken, securityHeaders } from './guards.js';

export function createUiApp(engine: Engine, rendererDir: string): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders, requireLoopbackHost);
  app.use('/api', requireToken(engine.uiToken));
  app.get('/api/events', eventsRoute({ engine, deviceOf: () => LOCAL_DEVICE }));
  app.use(apiRouter(() => engine.api));
  serveRenderer(app, rendererDir);
  return app;
}

/** The built React app, and a plain 404 for anything else. */
export function serveRenderer(app: express.Express, rendererDir: string): void {
  if (fs.existsSync(path.join(rendererDir, 'index.html'))) {
    app.use(express.static(rendererDir, { index: 'index.html', fallthrough: true }));
  } else {
    app.get('/', (_req, res) => {
      res.type('text/plain').send('Shelfwatch is running. The UI has not been built: run `npm run build`.');
    });
  }
  app.use((_req, res) => res.status(404).type('text/plain').send('Not found'));
}
