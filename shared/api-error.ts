// The one error type that crosses to the UI: a status (the HTTP status in the server face) and a message written for
// the user. Anything else thrown inside Shelfwatch is logged in full on the main side and answered generically.
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** What the UI is told when something unexpected failed (the details are in the main side's log). */
export const UNEXPECTED_ERROR_MESSAGE = 'Something went wrong inside Shelfwatch. The details are in its log.';

/** The JSON body of every error answer of the UI API. */
export interface ApiErrorBody {
  error: string;
}
