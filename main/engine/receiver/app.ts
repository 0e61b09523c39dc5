// The receiver: the only thing reachable from the internet. Exactly one route, GET|POST /postback/<secret>;
// anything else, a wrong secret or a wrong header secret gets the same plain 404 and never touches storage.
import { BlockList, isIP } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { MAX_POSTBACK_BODY_BYTES } from '../../../shared/contract/mapping.js';
import type { RawRequest } from '../../../shared/contract/quarantine.js';
import { captureRequest } from './raw-request.js';
import { secretsMatch } from './secret.js';

/** What the receiver answers a postback it took: impact.com's "Success Response" field should say the same. */
export const SUCCESS_RESPONSE = 'OK';

export const BODY_LIMIT = MAX_POSTBACK_BODY_BYTES;

export interface ReceiverDeps {
  /** the current secrets (they can be regenerated while running) and the sender ranges allowed (empty: all) */
  secrets(): { secret: string; headerName: string; headerValue: string; allowList: readonly string[] };
  /** resolves once the request is durable; rejects when it cannot be stored */
  persist(raw: RawRequest): Promise<unknown>;
  /** seconds a sender should wait before retrying after a storage fault */
  retryAfterSeconds: number;
}

export function createReceiverApp(deps: ReceiverDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const readBody = express.raw({ type: () => true, limit: BODY_LIMIT, inflate: true });

  app.all('/postback/:secret', (req, res, next) => {
    if (!isAuthorized(req, deps)) return notFound(req, res);
    if (req.method !== 'POST') return next();
    readBody(req, res, next);
  });
  app.all('/postback/:secret', async (req, res) => {
    const raw = captureRequest(req, Buffer.isBuffer(req.body) ? req.body : undefined);
    try {
      await deps.persist(raw);
    } catch {
      res.status(503).set('Retry-After', String(deps.retryAfterSeconds)).type('text/plain').send('Storage unavailable');
      return;
    }
    res.status(200).type('text/plain').send(SUCCESS_RESPONSE);
  });
  app.use(notFound);
  app.use((error: Error & { status?: number; type?: string }, req: Request, res: Response, _next: NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 400;
    if (status === 404) return notFound(req, res);
    res.status(status).type('text/plain').send(bodyErrorText(status));
  });
  return app;
}

function isAuthorized(req: Request, deps: ReceiverDeps): boolean {
  if (req.method !== 'GET' && req.method !== 'POST') return false;
  const { secret, headerName, headerValue, allowList } = deps.secrets();
  if (!senderAllowed(req.socket.remoteAddress ?? '', allowList)) return false;
  const secretOk = secretsMatch(String(req.params.secret ?? ''), secret);
  const header = headerName ? req.get(headerName) : undefined;
  const headerOk = !headerName || secretsMatch(header ?? '', headerValue);
  return secretOk && headerOk;
}

let allowed: { list: readonly string[]; ranges: BlockList } | null = null;

/** A sender outside the allow-list gets the same 404 as a wrong secret (nothing tells it the route exists). */
function senderAllowed(address: string, list: readonly string[]): boolean {
  if (list.length === 0) return true;
  if (allowed?.list !== list) allowed = { list, ranges: rangesOf(list) };
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return allowed.ranges.check(v4, isIP(v4) === 6 ? 'ipv6' : 'ipv4');
}

function rangesOf(list: readonly string[]): BlockList {
  const ranges = new BlockList();
  for (const range of list) {
    const [address = '', bits] = range.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    ranges.addSubnet(address, bits === undefined ? (family === 'ipv6' ? 128 : 32) : Number(bits), family);
  }
  return ranges;
}

function notFound(_req: Request, res: Response): void {
  res.status(404).type('text/plain').send('Not found');
}

function bodyErrorText(status: number): string {
  if (status === 413) return `Body too large (limit ${BODY_LIMIT} bytes)`;
  if (status === 415) return 'Unsupported content encoding';
  return 'Bad request';
}
