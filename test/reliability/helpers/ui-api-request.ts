// Sends one UI API call over HTTP the way a client could, right or wrong: the method's verb and path from
// API_ROUTES, path segments filled in, a query string for GET and a JSON (or raw) body otherwise.
import { API_ROUTES, type ApiMethod } from '../../../shared/contract/routes.js';
import { request, type SimpleResponse } from '../../helpers/http.js';

export interface UiCall {
  method: ApiMethod;
  /** `:name` path segments */
  params?: Record<string, string>;
  /** GET: the raw query string, without "?" */
  query?: string;
  /** non-GET: a value sent as JSON… */
  body?: unknown;
  /** …or text sent as it is (a JSON document JSON.stringify cannot write, e.g. a "__proto__" key or 1e400) */
  raw?: string;
}

export function callUiApi(uiPort: number, token: string, call: UiCall): Promise<SimpleResponse> {
  const { verb, path } = API_ROUTES[call.method];
  const filled = path.replace(/:([A-Za-z]+)/g, (_whole, name: string) => encodeURIComponent(call.params?.[name] ?? ''));
  const url = `http://127.0.0.1:${uiPort}${filled}${call.query ? `?${call.query}` : ''}`;
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  const body = call.raw ?? (call.body === undefined ? undefined : JSON.stringify(call.body));
  if (verb === 'GET' || body === undefined) return request(url, { method: verb, headers });
  headers['content-type'] = 'application/json';
  // explicit: Node's client sends a DELETE body without a length (nor chunking) otherwise, so no server reads it
  headers['content-length'] = String(Buffer.byteLength(body));
  return request(url, { method: verb, headers, body });
}
