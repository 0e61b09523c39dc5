// The UI API answers only the local user: a loopback Host (no DNS rebinding), no foreign Origin, the bearer token.
import type { NextFunction, Request, Response } from 'express';
import { secretsMatch } from '../engine/index.js';
import { answerError } from './error-answer.js';
import { type StreamTickets, streamTicketOf } from './stream-tickets.js';

export interface TrustOptions {
  /**
   * `npm run dev` only (--dev-origin): the Vite dev server's origin, e.g. http://localhost:5173, whose proxy forwards
   * the UI's API calls here. Never set by default: without it only this server's own origin is trusted.
   */
  devOrigin?: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function hostName(hostHeader: string | undefined): string {
  if (!hostHeader) return '';
  if (hostHeader.startsWith('[')) return hostHeader.slice(0, hostHeader.indexOf(']') + 1);
  return hostHeader.split(':')[0] ?? '';
}

export function requireLoopbackHost(options: TrustOptions = {}) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!LOOPBACK_HOSTS.has(hostName(req.headers.host).toLowerCase())) {
      answerError(res, 403, 'Shelfwatch answers only on a loopback address (127.0.0.1 or localhost).');
      return;
    }
    const origin = req.headers.origin;
    const trusted =
      origin === `http://${req.headers.host}` || (options.devOrigin !== undefined && origin === options.devOrigin);
    if (origin !== undefined && !trusted) {
      answerError(res, 403, 'Cross-origin requests are not allowed.');
      return;
    }
    next();
  };
}

/**
 * The bearer token in the header; the event stream may instead be opened with a stream ticket (stream-tickets.ts),
 * since EventSource cannot send headers. Never a token in the URL: proxies and logs keep URLs.
 */
export function requireToken(token: string, tickets: StreamTickets) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const ticket = streamTicketOf(req);
    if (ticket !== null) {
      if (tickets.redeem(ticket) !== null) next();
      else answerError(res, 401, TICKET_REFUSED);
      return;
    }
    const header = req.headers.authorization ?? '';
    if (!secretsMatch(header.startsWith('Bearer ') ? header.slice(7) : '', token)) {
      answerError(res, 401, 'Missing or wrong token. Open the UI with the link Shelfwatch printed.');
      return;
    }
    next();
  };
}

export const TICKET_REFUSED = 'This event stream ticket is used or expired: ask for a new one.';

/** Headers every response of the UI server carries. (In dev mode the page comes from Vite, whose meta CSP
 * vite.config.ts relaxes for hot reload in `vite serve` only; the built page keeps this policy.) */
export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.set({
    'Content-Security-Policy':
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
  next();
}
