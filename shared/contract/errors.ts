// The one error type that crosses to the UI: a status (the HTTP status in the server face) and a message written for
// the user. Anything else thrown inside Shelfwatch is logged in full on the main side and answered generically.
// No imports: the preload and every transport use this file.

/** A name for what went wrong, for programs: the message is for people and may be reworded; codes are not. */
export type ApiErrorCode =
  | 'invalid_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'internal'
  | 'bad_gateway'
  | 'unavailable'
  | 'failed';

const CODES: Readonly<Record<number, ApiErrorCode>> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  500: 'internal',
  502: 'bad_gateway',
  503: 'unavailable',
};

/** The code of a status; 'failed' for one the contract does not name. */
export function errorCodeOf(status: number): ApiErrorCode {
  return CODES[status] ?? 'failed';
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }

  /** Follows from the status, so every transport (HTTP, IPC) agrees on it without carrying it. */
  get code(): ApiErrorCode {
    return errorCodeOf(this.status);
  }
}

/** What the UI is told when something unexpected failed (the details are in the main side's log). */
export const UNEXPECTED_ERROR_MESSAGE = 'Something went wrong inside Shelfwatch. The details are in its log.';

/** The JSON body of every error answer of the UI API and the hub's listener. */
export interface ApiErrorBody {
  /** for the user */
  error: string;
  code: ApiErrorCode;
}

export function errorBody(status: number, message: string): ApiErrorBody {
  return { error: message, code: errorCodeOf(status) };
}
