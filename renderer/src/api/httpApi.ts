// The HTTP transport, built from API_ROUTES alone so a new method needs no client code.
import { API_ROUTES, type ApiMethod, type ApiRequest, type ApiResponse, type UiApi } from '../../../shared/api.js';
import { ApiError } from '../../../shared/api-error.js';

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpApiOptions {
  token: string | null;
  fetch: Fetch;
  /** prefix for the API paths; '' = same origin as the page */
  baseUrl?: string;
}

export interface BuiltRequest {
  url: string;
  method: string;
  body?: string;
}

/** Fills `:name` segments from the request, then GET → query string, other verbs → JSON body. */
export function buildRequest<M extends ApiMethod>(method: M, req: ApiRequest<M>, baseUrl = ''): BuiltRequest {
  const route = API_ROUTES[method];
  const rest: Record<string, unknown> = { ...(req ?? {}) };
  const path = route.path.replace(/:([A-Za-z]+)/g, (_segment, name: string) => {
    const value = rest[name];
    delete rest[name];
    if (value === undefined || value === null) throw new Error(`${method}: missing "${name}"`);
    return encodeURIComponent(String(value));
  });
  const fields = Object.entries(rest).filter(([, value]) => value !== undefined);
  if (route.verb === 'GET') {
    const query = new URLSearchParams(fields.map(([key, value]) => [key, String(value)])).toString();
    return { url: `${baseUrl}${path}${query ? `?${query}` : ''}`, method: 'GET' };
  }
  const built: BuiltRequest = { url: `${baseUrl}${path}`, method: route.verb };
  if (fields.length > 0) built.body = JSON.stringify(Object.fromEntries(fields));
  return built;
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body.error === 'string' && body.error) return body.error;
  } catch {
    // not JSON: fall through to the status line
  }
  if (response.status === 401)
    return 'Not authorized: open the UI link that `npm run serve` printed (it carries the token).';
  return `Request failed (${response.status} ${response.statusText})`.trim();
}

export function createHttpApi(options: HttpApiOptions): UiApi {
  const call = async <M extends ApiMethod>(method: M, req: ApiRequest<M>): Promise<ApiResponse<M>> => {
    const built = buildRequest(method, req, options.baseUrl);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (built.body !== undefined) headers['Content-Type'] = 'application/json';
    const init: RequestInit = { method: built.method, headers };
    if (built.body !== undefined) init.body = built.body;
    const response = await options.fetch(built.url, init);
    if (!response.ok) throw new ApiError(response.status, await errorMessage(response));
    if (response.status === 204) return undefined as unknown as ApiResponse<M>;
    return (await response.json()) as ApiResponse<M>;
  };
  const api = {} as Record<ApiMethod, unknown>;
  for (const method of Object.keys(API_ROUTES) as ApiMethod[]) {
    api[method] = (req: ApiRequest<typeof method>) => call(method, req);
  }
  return api as UiApi;
}
