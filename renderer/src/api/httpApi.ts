// The HTTP transport, built from API_ROUTES alone so a new method needs no client code.
import { API_ROUTES, type ApiMethod, type ApiRequest, type ApiResponse, type UiApi } from '../../../shared/api.js';
import { ApiError } from '../../../shared/api-error.js';
import { buildRequest, errorMessageOfResponse } from '../../../shared/http-api.js';

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpApiOptions {
  token: string | null;
  fetch: Fetch;
  /** prefix for the API paths; '' = same origin as the page */
  baseUrl?: string;
  /** the server refused the token (401) */
  onUnauthorized?: () => void;
}

const UNAUTHORIZED = 'Not authorized: open the UI link that `npm run serve` printed (it carries the token).';

export function createHttpApi(options: HttpApiOptions): UiApi {
  const call = async <M extends ApiMethod>(method: M, req: ApiRequest<M>): Promise<ApiResponse<M>> => {
    const built = buildRequest(method, req, options.baseUrl);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (built.body !== undefined) headers['Content-Type'] = 'application/json';
    const init: RequestInit = { method: built.method, headers };
    if (built.body !== undefined) init.body = built.body;
    const response = await options.fetch(built.url, init);
    if (response.status === 401) options.onUnauthorized?.();
    if (!response.ok) throw new ApiError(response.status, await errorMessageOfResponse(response, UNAUTHORIZED));
    if (response.status === 204) return undefined as unknown as ApiResponse<M>;
    return (await response.json()) as ApiResponse<M>;
  };
  const api = {} as Record<ApiMethod, unknown>;
  for (const method of Object.keys(API_ROUTES) as ApiMethod[]) {
    api[method] = (req: ApiRequest<typeof method>) => call(method, req);
  }
  return api as UiApi;
}
