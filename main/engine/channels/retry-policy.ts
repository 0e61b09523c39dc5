// When to try a message again: exponential backoff with jitter (so many Shelfwatches behind one outage do not retry
// in step), capped, for up to 24 hours after the message was due; then it is marked failed.

export interface RetryPolicy {
  /** the first retry's delay before jitter */
  firstDelayMs: number;
  /** the longest delay between two attempts */
  maxDelayMs: number;
  /** counted from when the message was first due */
  giveUpAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  firstDelayMs: 5_000,
  maxDelayMs: 10 * 60_000,
  giveUpAfterMs: 24 * 60 * 60_000,
};

/** The wait after the `attempt`-th failure (1 = the first): half the doubled delay fixed, half random. */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const delay = Math.min(policy.firstDelayMs * 2 ** Math.min(attempt - 1, 30), policy.maxDelayMs);
  return Math.round(delay / 2 + random() * (delay / 2));
}
