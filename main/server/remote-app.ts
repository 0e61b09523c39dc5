// The hub's remote listener: what devices that follow this Shelfwatch reach over the internet. Pairing with a
// one-time code, then the same UI API and resumable event stream as the local UI, authenticated by the device's
// token (admin methods answer 403), and the built UI for browsers. Never the postback route: that is the receiver's.
import express, { type NextFunction, type Request, type Response } from 'express';
import { ApiError } from '../../shared/contract/errors.js';
import { EVENTS_PATH, EVENTS_TICKET_PATH } from '../../shared/contract/routes.js';
import { type Engine, FailedAttemptLimiter, type Logger } from '../engine/index.js';
import { apiRouter } from './api-routes.js';
import { answerError } from './error-answer.js';
import { eventsRoute, StreamRegistry } from './events-route.js';
import { securityHeaders, TICKET_REFUSED } from './guards.js';
import { StreamTickets, streamTicketOf } from './stream-tickets.js';
import { serveRenderer } from './ui-app.js';

export interface RemoteAppOptions {
  log: Logger;
  /** behind a TLS-terminating proxy on this machine or the LAN: the client's address comes from X-Forwarded-For */
  behindProxy: boolean;
  limiter?: FailedAttemptLimiter;
}

export function createRemoteApp(engine: Engine, rendererDir: string, options: RemoteAppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  if (options.behindProxy) app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  const limiter = options.limiter ?? new FailedAttemptLimiter();
  const registry = new StreamRegistry();
  const tickets = new StreamTickets();
  engine.devices.onRevoked((deviceId) => {
    registry.close(deviceId);
    tickets.forget(deviceId);
  });

  app.use(securityHeaders, sameOriginOnly);
  app.post('/api/pair', express.json({ limit: '4kb' }), async (req, res) => {
    const address = req.ip ?? '';
    const verdict = limiter.check(address);
    if (!verdict.allowed) {
      res.set('Retry-After', String(verdict.retryAfterSeconds));
      answerError(res, 429, 'Too many pairing attempts from this address. Wait a minute and try again.');
      return;
    }
    const { code, name } = (req.body ?? {}) as { code?: unknown; name?: unknown };
    try {
      const paired = await engine.devices.pair(
        typeof code === 'string' ? code : '',
        typeof name === 'string' ? name : undefined,
      );
      res.json(paired);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) limiter.recordFailure(address);
      const status = error instanceof ApiError ? error.status : 500;
      answerError(res, status, error instanceof ApiError ? error.message : 'Pairing failed inside Shelfwatch.');
    }
  });
  app.use('/api', requireDevice(engine, tickets));
  app.post(EVENTS_TICKET_PATH, (_req, res) => void res.json(tickets.issue(res.locals.device as string)));
  app.get(EVENTS_PATH, eventsRoute({ engine, deviceOf: (res) => res.locals.device as string, registry }));
  app.use(apiRouter((res) => engine.apiFor(res.locals.device as string), options.log));
  serveRenderer(app, rendererDir, options.log);
  return app;
}

/** A device's token in the Authorization header, or a stream ticket it asked for with it (see stream-tickets.ts). */
function requireDevice(engine: Engine, tickets: StreamTickets) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const ticket = streamTicketOf(req);
    const header = req.headers.authorization ?? '';
    const device =
      ticket !== null
        ? tickets.redeem(ticket)
        : engine.devices.authenticate(header.startsWith('Bearer ') ? header.slice(7) : '', req.ip ?? '');
    if (!device) {
      const message =
        ticket !== null
          ? TICKET_REFUSED
          : 'This device is not paired with the hub, or its access was revoked. Pair it again.';
      answerError(res, 401, message);
      return;
    }
    res.locals.device = device;
    next();
  };
}

/** No cross-origin use: a browser page from elsewhere must not drive the API with a device's stored token. */
function sameOriginOnly(req: Request, res: Response, next: NextFunction): void {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `${req.protocol}://${req.headers.host}`) {
    answerError(res, 403, 'Cross-origin requests are not allowed.');
    return;
  }
  next();
}
