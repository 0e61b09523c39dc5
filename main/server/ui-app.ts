// The server face's UI server: the built React app and the UI API (HTTP + SSE), for loopback only. Every error it
// answers is JSON ({ "error": … }), including unknown routes, malformed bodies and oversized ones.
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import { EVENTS_PATH, EVENTS_TICKET_PATH } from '../../shared/contract/routes.js';
import { type Engine, LOCAL_DEVICE, type Logger } from '../engine/index.js';
import { apiRouter, jsonErrors } from './api-routes.js';
import { answerError } from './error-answer.js';
import { eventsRoute } from './events-route.js';
import { requireLoopbackHost, requireToken, securityHeaders, type TrustOptions } from './guards.js';
import { StreamTickets } from './stream-tickets.js';

export interface UiAppOptions extends TrustOptions {
  rendererDir: string;
  log: Logger;
}

export function createUiApp(engine: Engine, options: UiAppOptions): express.Express {
  const { rendererDir, log } = options;
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders, requireLoopbackHost(options));
  const tickets = new StreamTickets();
  app.use('/api', requireToken(engine.uiToken, tickets));
  app.post(EVENTS_TICKET_PATH, (_req, res) => void res.json(tickets.issue(LOCAL_DEVICE)));
  app.get(EVENTS_PATH, eventsRoute({ engine, deviceOf: () => LOCAL_DEVICE }));
  app.use(apiRouter(() => engine.api, log));
  serveRenderer(app, rendererDir, log);
  return app;
}

/** The built React app, JSON 404s for anything else, and JSON errors (never Express's HTML page with a stack). */
export function serveRenderer(app: express.Express, rendererDir: string, log: Logger): void {
  if (fs.existsSync(path.join(rendererDir, 'index.html'))) {
    app.use(express.static(rendererDir, { index: 'index.html', fallthrough: true }));
  } else {
    app.get('/', (_req, res) => {
      res.type('text/plain').send('Shelfwatch is running. The UI has not been built: run `npm run build`.');
    });
  }
  app.use((_req, res) => {
    answerError(res, 404, 'Not found.');
  });
  app.use(jsonErrors(log));
}
