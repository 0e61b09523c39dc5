// Errors of the hub's API as the window shows them: the hub's own refusals keep their status, a hub that cannot be
// reached is a 503 with the follower's sentence ("Cannot reach the hub at hub.example:8789: ECONNREFUSED").
import { mapUiApi, type UiApi } from '../../../shared/contract/api.js';
import { ApiError } from '../../../shared/contract/errors.js';
import { connectionText } from '../../../shared/domain/connection-text.js';
import { HubRefusedError } from '../../follower/index.js';

export function hubError(error: unknown): unknown {
  if (error instanceof ApiError) return error;
  if (error instanceof HubRefusedError) {
    const words = { subject: 'hub', time: () => '' } as const;
    return new ApiError(401, connectionText({ state: 'refused', since: null, error: error.message }, words) ?? '');
  }
  // The follower's plain Errors are written for the user; anything else (a TypeError…) is a bug: logged, not shown.
  if (error instanceof Error && error.constructor === Error) return new ApiError(503, error.message);
  return error;
}

export function withHubErrors(api: UiApi): UiApi {
  return mapUiApi((method, req) =>
    api[method](req).catch((error: unknown) => {
      throw hubError(error);
    }),
  );
}
