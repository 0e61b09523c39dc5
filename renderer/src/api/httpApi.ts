// The HTTP transport, built from the contract alone (shared/contract/) so a new method needs no client code.
import { type ApiRequest, type ApiResponse, mapUiApi, type UiApi } from '../../../shared/contract/api.js';
import { ApiError } from '../../../shared/contract/errors.js';
import { buildRequest, errorMessageOfResponse, requestHeaders } from '../../../shared/contract/http.js';
import type { ApiMethod } from '../../../shared/contract/routes.js';

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpApiOptions {
  token: string | null;
  fetch: Fetch;
  /** prefix for the API paths; '' = same origin as the page */
  baseUrl?: string;
}

const UNAUTHORIZED = 'Not authorized: open the UI link that `npm run serve` printed (it carries the token).';

export function createHttpApi(options: HttpApiOptions): UiApi {
  return mapUiApi(async <M extends ApiMethod>(method: M, req: ApiRequest<M>): Promise<ApiResponse<M>> => {
    const built = buildRequest(method, req, options.baseUrl);
    const init: RequestInit = { method: built.method, headers: requestHeaders(built, options.token) };
    if (built.body !== undefined) init.body = built.body;
    const response = await options.fetch(built.url, init);
    if (!response.ok) throw new ApiError(response.status, await errorMessageOfResponse(response, UNAUTHORIZED));
    if (response.status === 204) return undefined as unknown as ApiResponse<M>;
    return (await response.json()) as ApiResponse<M>;
  });
}
