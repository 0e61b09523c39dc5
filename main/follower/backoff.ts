// Reconnect delays: exponential with full jitter (a random delay between 0 and the exponential ceiling), so a
// hundred followers of a restarted hub do not all knock at once, capped so a long outage is retried every minute.

export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, capMs: 60_000 };

/** `attempt` counts failures since the stream was last live, from 0. `random` returns [0, 1). */
export function backoffDelay(attempt: number, random: () => number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}
