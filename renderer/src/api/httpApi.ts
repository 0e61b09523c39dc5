// The HTTP transport, built from the contract alone (shared/contract/) so a new method needs no client code. Answers
// are checked with the method's schema, as the desktop checks a hub's: a view never gets what it cannot show.
import {
  type ApiRequest,
  type ApiResponse,
  checkApiResponse,
  mapUiApi,
  type UiApi,
} from '../../../shared/contract/api.js';
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
    const checked = checkApiResponse(method, await response.json());
    if (checked.ok) return checked.value;
    // The page came from this server, so it is older than the server (an update since it was opened) or newer.
    throw new Error(
      `Shelfwatch's answer to ${method} is not what this page expects (${checked.problem}). ` +
        'Reload the page: Shelfwatch may have been updated since it was opened.',
    );
  });
}
