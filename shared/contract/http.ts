// The UI API over HTTP, the parts every client shares (the browser's fetch transport, the desktop's hub follower):
// how a method becomes a request, and how a failed answer becomes a message for the user. Pure: no I/O.
import type { ApiRequest } from './api.js';
import { type ApiMethod, routeOf } from './routes.js';

export interface BuiltRequest {
  url: string;
  method: string;
  body?: string;
}

/** Fills `:name` segments from the request, then GET → query string, other verbs → JSON body. */
export function buildRequest<M extends ApiMethod>(method: M, req: ApiRequest<M>, baseUrl = ''): BuiltRequest {
  const route = routeOf(method);
  const rest: Record<string, unknown> = { ...(req ?? {}) };
  const path = route.path.replace(/:([A-Za-z]+)/g, (_segment, name: string) => {
    const value = rest[name];
    delete rest[name];
    if (value === undefined || value === null) throw new Error(`${method}: missing "${name}"`);
    return encodeURIComponent(String(value));
  });
  const fields = Object.entries(rest).filter(([, value]) => value !== undefined);
  if (route.verb === 'GET') {
    const query = new URLSearchParams(fields.map(([key, value]): [string, string] => [key, String(value)])).toString();
    return { url: `${baseUrl}${path}${query ? `?${query}` : ''}`, method: 'GET' };
  }
  const built: BuiltRequest = { url: `${baseUrl}${path}`, method: route.verb };
  if (fields.length > 0) built.body = JSON.stringify(Object.fromEntries(fields));
  return built;
}

/** What every client sends with a request: JSON wanted, the bearer token, and the body's type when it has one. */
export function requestHeaders(built: BuiltRequest, token: string | null): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (built.body !== undefined) headers['Content-Type'] = 'application/json';
  return headers;
}

export interface FailedAnswer {
  status: number;
  statusText?: string;
  /** the response body as text ('' when there was none) */
  body: string;
}

/**
 * The server's `{ error }` when it sent one; otherwise `unauthorized` for a 401 (each client knows what the user
 * should do about it), else the status line.
 */
export function errorMessageOf(answer: FailedAnswer, unauthorized: string): string {
  try {
    const parsed = JSON.parse(answer.body) as { error?: unknown } | null;
    if (typeof parsed?.error === 'string' && parsed.error) return parsed.error;
  } catch {
    // not JSON: fall through
  }
  if (answer.status === 401) return unauthorized;
  return `Request failed (${answer.status} ${answer.statusText ?? ''}`.trim().concat(')');
}

/** The same for a fetch Response (reads its body). */
export async function errorMessageOfResponse(response: Response, unauthorized: string): Promise<string> {
  let body = '';
  try {
    body = await response.text();
  } catch {
    // an unreadable body: the status decides
  }
  return errorMessageOf({ status: response.status, statusText: response.statusText, body }, unauthorized);
}
