// One error type for everything the Partner API client can run into, worded for the person reading the UI.

export type ImpactErrorKind =
  /** 401: wrong Account SID or Auth Token */
  | 'unauthorized'
  /** 403: a scoped token that is disabled or lacks the endpoint */
  | 'forbidden'
  /** 404: no such catalog or item */
  | 'not-found'
  /** 429 after every allowed retry */
  | 'rate-limited'
  /** no answer: DNS, refused connection, reset, or the per-request timeout */
  | 'unreachable'
  /** 5xx after every allowed retry */
  | 'server'
  /** an answer Shelfwatch cannot read: malformed, unexpected shape, too large */
  | 'bad-response'
  /** another 4xx (400, 402, 405…): impact.com understood and said no */
  | 'rejected'
  /** the client was closed (account disconnected) before the request ran */
  | 'cancelled';

export interface ImpactErrorDetails {
  status?: number;
  /** impact.com's own Message from its error body, credentials removed */
  detail?: string;
}

export class ImpactApiError extends Error {
  override readonly name = 'ImpactApiError';
  readonly status: number | undefined;
  readonly detail: string | undefined;

  constructor(
    readonly kind: ImpactErrorKind,
    message: string,
    details: ImpactErrorDetails = {},
  ) {
    super(message);
    this.status = details.status;
    this.detail = details.detail;
  }
}

export const MESSAGES = {
  unauthorized: 'impact.com refused these credentials',
  forbidden: 'this token may not read catalogs (403)',
  notFound: 'impact.com has no such catalog or item (404)',
  rateLimited: "impact.com's hourly request limit is used up (429); try again later",
  unreachable: 'impact.com cannot be reached',
  timeout: 'impact.com cannot be reached (no answer in time)',
  cancelled: 'the impact.com request was cancelled',
} as const;

/** The UI message for an HTTP error status, with impact.com's own words appended when it gave any. */
export function errorForStatus(status: number, detail: string | undefined): ImpactApiError {
  const details = { status, detail };
  const withDetail = (plain: string) => (detail ? `${plain}: ${detail}` : plain);
  if (status === 401) return new ImpactApiError('unauthorized', withDetail(MESSAGES.unauthorized), details);
  if (status === 403) return new ImpactApiError('forbidden', withDetail(MESSAGES.forbidden), details);
  if (status === 404) return new ImpactApiError('not-found', withDetail(MESSAGES.notFound), details);
  if (status === 429) return new ImpactApiError('rate-limited', withDetail(MESSAGES.rateLimited), details);
  if (status >= 500)
    return new ImpactApiError('server', withDetail(`impact.com had a server error (${status})`), details);
  return new ImpactApiError('rejected', withDetail(`impact.com rejected the request (${status})`), details);
}

export function badResponse(reason: string, status?: number): ImpactApiError {
  return new ImpactApiError('bad-response', `impact.com sent an answer Shelfwatch cannot read: ${reason}`, { status });
}

/**
 * Replaces every secret (the token, and the Basic credentials it is sent as) in a text. Applied to everything that
 * leaves the client — error messages, details and log fields — because impact.com's or a proxy's error text is not
 * ours to trust.
 */
export function createRedactor(secrets: readonly string[]): (text: string) => string {
  const needles = secrets.filter((secret) => secret.length >= 4);
  return (text) => needles.reduce((out, needle) => out.split(needle).join('[redacted]'), text);
}
