// impact.com's rate-limit headers, in both spellings seen on real accounts. Header lookup through fetch's Headers is
// case-insensitive already.

export interface RateHeaders {
  limit?: number;
  remaining?: number;
  /** when the hourly window starts over (epoch ms) */
  resetAt?: number;
  /** when impact.com asks for the next try (epoch ms), from Retry-After */
  retryAt?: number;
}

/** Epoch seconds are larger than any sane "seconds from now" (about 2001 onwards). */
const EPOCH_SECONDS_FLOOR = 1_000_000_000;
/** Retry-After of a day or more is not a rate-limit wait we believe; the hourly window is the longest honest one. */
const MAX_WAIT_MS = 3_600_000 + 60_000;

function count(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  return Math.floor(Number(value));
}

/** "700" (seconds from now), an epoch-seconds value, or an HTTP date → epoch ms. */
function moment(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = count(value);
  if (seconds !== undefined) {
    const at = seconds >= EPOCH_SECONDS_FLOOR ? seconds * 1000 : now + seconds * 1000;
    return Math.min(Math.max(at, now), now + MAX_WAIT_MS);
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.min(Math.max(date, now), now + MAX_WAIT_MS);
}

export function readRateHeaders(headers: Headers, now: number): RateHeaders {
  const out: RateHeaders = {};
  const limit = count(headers.get('x-ratelimit-limit-hour')) ?? count(headers.get('x-ratelimit-limit'));
  const remaining = count(headers.get('x-ratelimit-remaining-hour')) ?? count(headers.get('x-ratelimit-remaining'));
  const resetAt = moment(headers.get('ratelimit-reset'), now) ?? moment(headers.get('x-ratelimit-reset'), now);
  const retryAt = moment(headers.get('retry-after'), now);
  if (limit !== undefined && limit > 0) out.limit = limit;
  if (remaining !== undefined) out.remaining = remaining;
  if (resetAt !== undefined) out.resetAt = resetAt;
  if (retryAt !== undefined) out.retryAt = retryAt;
  return out;
}
