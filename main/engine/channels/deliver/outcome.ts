// What one delivery attempt came to, in words a user can act on (never with a credential in them: see mask.ts).

export type DeliveryOutcome =
  | { ok: true }
  | {
      ok: false;
      /** false: trying again cannot help (the target refused the message or the address); the message fails now */
      retry: boolean;
      /** the wait the target asked for (429 with Retry-After), else the sender's backoff decides */
      retryAfterMs?: number;
      /** e.g. "Slack answered 404 (no_service): the web hook no longer exists" */
      problem: string;
    };

export const delivered: DeliveryOutcome = { ok: true };

export function failed(problem: string, retry: boolean, retryAfterMs?: number): DeliveryOutcome {
  return retryAfterMs === undefined ? { ok: false, retry, problem } : { ok: false, retry, retryAfterMs, problem };
}
