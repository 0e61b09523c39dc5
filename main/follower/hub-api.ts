// The UI API over the hub's remote listener: every method, with the device token, answers checked with the methods'
// schemas (shared/contract/methods.ts), as the browser checks them.
import {
  type ApiRequest,
  type ApiResponse,
  checkApiResponse,
  mapUiApi,
  type UiApi,
} from '../../shared/contract/api.js';
import { ApiError } from '../../shared/contract/errors.js';
import { buildRequest, errorMessageOf, requestHeaders } from '../../shared/contract/http.js';
import type { ApiMethod } from '../../shared/contract/routes.js';
import { HubRefusedError, REVOKED_MESSAGE } from './errors.js';
import type { HubTransport } from './hub-transport.js';

export interface HubApiOptions {
  transport: HubTransport;
  token: string;
  /** the hub no longer accepts this device (401) or its certificate changed: the follower stops */
  onRefused: (error: HubRefusedError) => void;
}

export function createHubApi({ transport, token, onRefused }: HubApiOptions): UiApi {
  const refused = (error: HubRefusedError): never => {
    onRefused(error);
    throw error;
  };

  return mapUiApi(async <M extends ApiMethod>(method: M, req: ApiRequest<M>): Promise<ApiResponse<M>> => {
    const built = buildRequest(method, req);
    const answer = await transport
      .request({
        method: built.method,
        path: built.url,
        headers: requestHeaders(built, token),
        ...(built.body === undefined ? {} : { body: built.body }),
      })
      .catch((error: unknown) => (error instanceof HubRefusedError ? refused(error) : Promise.reject(error)));
    if (answer.status === 401) return refused(new HubRefusedError(REVOKED_MESSAGE, 'revoked'));
    // The hub's status goes on with its message: the desktop's UI tells a refusal (403) from a fault (5xx).
    if (answer.status < 200 || answer.status > 299) {
      throw new ApiError(answer.status, errorMessageOf(answer, REVOKED_MESSAGE));
    }
    let json: unknown;
    try {
      json = JSON.parse(answer.body);
    } catch {
      throw new Error(`The hub's answer to ${method} is not JSON.`);
    }
    const checked = checkApiResponse(method, json);
    if (!checked.ok) {
      throw new Error(
        `The hub's answer to ${method} is not what this app expects (${checked.problem}). ` +
          'Are the hub and this app the same Shelfwatch version?',
      );
    }
    return checked.value;
  });
}
