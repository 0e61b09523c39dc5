// Mounts every method of the UI API contract as an HTTP route, generically from API_ROUTES. The request is handed
// to the engine's service as it came (query, params, JSON body): the service parses it with the method's schema.
import express, { type NextFunction, type Request, type Response } from 'express';
import { callUnparsed, type UiApi } from '../../shared/contract/api.js';
import { ApiError } from '../../shared/contract/errors.js';
import { API_METHODS, routeOf } from '../../shared/contract/routes.js';
import { type Logger, userFacingError } from '../engine/index.js';
import { answerError } from './error-answer.js';

/**
 * Above any real request (a previewed postback is at most 64 KB), and high enough that an oversized field still
 * reaches the schema and gets a 400 naming it; past this the body is refused unread with a 413.
 */
export const UI_API_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/** `apiOf` gives the UI API as the requesting device sees it (this computer's own UI, or a paired device). */
export function apiRouter(apiOf: (res: Response) => UiApi, log: Logger): express.Router {
  const router = express.Router();
  router.use('/api', requireJsonBody, express.json({ limit: UI_API_BODY_LIMIT_BYTES }));
  for (const method of API_METHODS) {
    const { verb, path, status: success = 200 } = routeOf(method);
    const register = router[verb.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'].bind(router);
    register(path, async (req: Request, res: Response) => {
      try {
        // e.g. 202 for a check that was started: its outcome arrives later, in the status
        res.status(success).json(await callUnparsed(apiOf(res), method, requestOf(req, verb === 'GET')));
      } catch (error) {
        const { status, message } = userFacingError(error, log, { method });
        answerError(res, status, message);
      }
    });
  }
  router.use('/api', (_req, res) => {
    answerError(res, 404, 'No such API route.');
  });
  return router;
}

/** GET: query fields and path segments; others: the JSON body (as sent, so a wrong shape is refused) plus segments. */
function requestOf(req: Request, isGet: boolean): unknown {
  if (isGet) return { ...req.query, ...req.params };
  const body: unknown = req.body;
  if (body === undefined) return Object.keys(req.params).length > 0 ? { ...req.params } : undefined;
  const isPlainObject = typeof body === 'object' && body !== null && !Array.isArray(body);
  return isPlainObject ? { ...body, ...req.params } : body;
}

/** A request that has a body must say it is JSON: anything else is refused before it is read. */
function requireJsonBody(req: Request, res: Response, next: NextFunction): void {
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (hasBody && !req.is('application/json')) {
    answerError(res, 415, 'Send the request body as JSON (Content-Type: application/json).');
    return;
  }
  next();
}

/**
 * The UI server's last error handler: every error is a JSON `{ "error": … }` with the right status, never Express's
 * HTML page (which shows a stack with file paths). Body-parser's errors are explained; anything else is logged.
 */
export function jsonErrors(log: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const { status, message } = bodyError(error) ?? userFacingError(error, log, { path: req.path });
    if (res.headersSent) return;
    answerError(res, status, message);
  };
}

function bodyError(error: unknown): ApiError | null {
  const { type, status, message } = (error ?? {}) as { type?: unknown; status?: unknown; message?: unknown };
  if (type === 'entity.parse.failed') {
    return new ApiError(400, `The request body is not valid JSON (${String(message).slice(0, 160)}).`);
  }
  if (type === 'entity.too.large') {
    return new ApiError(
      413,
      `The request body is too large (the limit is ${UI_API_BODY_LIMIT_BYTES / 1024 / 1024} MB).`,
    );
  }
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    return new ApiError(415, 'The request body must be UTF-8 JSON, uncompressed or gzip.');
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ApiError(status, 'The request could not be read.');
  }
  return null;
}
