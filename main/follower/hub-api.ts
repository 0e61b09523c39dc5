// The UI API over the hub's remote listener: every API_ROUTES method, with the device token, answers checked by zod.
import { API_ROUTES, type ApiMethod, type ApiRequest, type ApiResponse, type UiApi } from '../../shared/api.js';
import { ApiError } from '../../shared/api-error.js';
import { API_RESPONSE_SCHEMAS } from '../../shared/api-schemas.js';
import { buildRequest, errorMessageOf } from '../../shared/http-api.js';
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

  const call = async <M extends ApiMethod>(method: M, req: ApiRequest<M>): Promise<ApiResponse<M>> => {
    const built = buildRequest(method, req);
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${token}` };
    if (built.body !== undefined) headers['Content-Type'] = 'application/json';
    const answer = await transport
      .request({
        method: built.method,
        path: built.url,
        headers,
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
    const parsed = API_RESPONSE_SCHEMAS[method].safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `The hub's answer to ${method} is not what this app expects (${issue?.path.join('.') || 'answer'}: ` +
          `${issue?.message}). Are the hub and this app the same Shelfwatch version?`,
      );
    }
    return parsed.data as ApiResponse<M>;
  };

  const api = {} as Record<ApiMethod, unknown>;
  for (const method of Object.keys(API_ROUTES) as ApiMethod[]) {
    api[method] = (req: ApiRequest<typeof method>) => call(method, req);
  }
  return api as UiApi;
}
