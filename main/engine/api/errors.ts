// What the UI is told when a call fails: an ApiError's own status and message; anything else is a bug or a system
// fault whose details (paths, stacks) stay in the log, and the UI gets a generic 500.
import { ApiError, UNEXPECTED_ERROR_MESSAGE } from '../../../shared/contract/errors.js';
import type { Logger } from '../types.js';

export function userFacingError(error: unknown, log: Logger, context: Record<string, unknown>): ApiError {
  if (error instanceof ApiError) return error;
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  log.error('ui api: unexpected error', { ...context, error: detail });
  return new ApiError(500, UNEXPECTED_ERROR_MESSAGE);
}
