// Mounts every method of the UI API contract as an HTTP route, generically from API_ROUTES.
import express, { type Request, type Response } from 'express';
import { API_ROUTES, type ApiMethod, type UiApi } from '../../shared/api.js';

/** `apiOf` gives the UI API as the requesting device sees it (this computer's own UI, or a paired device). */
export function apiRouter(apiOf: (res: Response) => UiApi): express.Router {
  const router = express.Router();
  router.use(express.json({ limit: '256kb' }));
  for (const method of Object.keys(API_ROUTES) as ApiMethod[]) {
    const { verb, path } = API_ROUTES[method];
    const register = router[verb.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'].bind(router);
    register(path, async (req: Request, res: Response) => {
      const input = { ...(verb === 'GET' ? req.query : isObject(req.body) ? req.body : {}), ...req.params };
      try {
        const api = apiOf(res);
        const call = api[method] as (req: unknown) => Promise<unknown>;
        res.json(await call.call(api, input));
      } catch (error) {
        const status = (error as { status?: number }).status ?? 500;
        const message = status === 500 ? 'Something went wrong inside Shelfwatch.' : (error as Error).message;
        res.status(status).json({ error: message });
      }
    });
  }
  router.use('/api', (_req, res) => res.status(404).json({ error: 'No such API route.' }));
  return router;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
