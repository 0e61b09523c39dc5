// The hourly request budget of one endpoint group. impact.com counts requests per hour per group; we spend only a share
// of it (the rest stays for the partner's other tools) and never more than the server says is left.
import type { RateHeaders } from './rate-headers.js';

export type EndpointGroup = 'product-search' | 'other';
export const ENDPOINT_GROUPS: readonly EndpointGroup[] = ['product-search', 'other'];

/**
 * 'interactive': someone is waiting for it (a search, Verify, "Check now" on one product). 'background': bulk work
 * (a reconcile) that may take hours and must not starve the interactive kind.
 */
export type RequestPriority = 'interactive' | 'background';
/** The part of our hourly allowance background work leaves for interactive requests. */
const INTERACTIVE_RESERVE_SHARE = 0.1;

export const HOUR_MS = 3_600_000;
/** impact.com's documented limits; a limit header on any answer replaces them. */
export const DEFAULT_HOURLY_LIMITS: Readonly<Record<EndpointGroup, number>> = { 'product-search': 3000, other: 1000 };
/** No wait is longer than impact.com's window plus a minute, whatever a header or a clock jump suggests. */
const MAX_WAIT_MS = HOUR_MS + 60_000;
/** With 0 left and no reset time given, look again after this long (a 429 then says exactly when). */
const UNKNOWN_RESET_PROBE_MS = 5 * 60_000;

/** "Product Search" is /Catalogs/ItemSearch and /Catalogs/{id}/Items[/...]; everything else is "Other". */
export function endpointGroupOf(pathname: string): EndpointGroup {
  return /\/Catalogs\/(ItemSearch|[^/]+\/Items)(\.json|\.xml)?(\/|$)/.test(pathname) ? 'product-search' : 'other';
}

export class GroupBudget {
  limit: number;
  /** server-reported requests left in its window, minus what we sent since; null when unknown */
  private serverRemaining: number | null = null;
  private serverResetAt: number | null = null;
  private blockedUntil = 0;
  /**
   * When each of our requests in the last hour was sent, oldest first. A sliding hour (not a clock hour) holds
   * the share in every 60-minute span, so it holds in whichever window impact.com counts.
   */
  private readonly sent: number[] = [];

  constructor(
    readonly group: EndpointGroup,
    private readonly share: number,
  ) {
    this.limit = DEFAULT_HOURLY_LIMITS[group];
  }

  /** How many requests an hour we allow ourselves. */
  allowance(): number {
    return Math.max(1, Math.floor(this.limit * this.share));
  }

  /** How many of them background work leaves for interactive requests. */
  reserved(): number {
    const allowance = this.allowance();
    return allowance < 2 ? 0 : Math.max(1, Math.floor(allowance * INTERACTIVE_RESERVE_SHARE));
  }

  used(now: number): number {
    this.expire(now);
    return this.sent.length;
  }

  /** The earliest time a request of this priority may be sent: `now` when it may go now. */
  nextSendAt(now: number, priority: RequestPriority): number {
    this.expire(now);
    let at = Math.max(now, this.blockedUntil);
    const allowance = this.allowance() - (priority === 'background' ? this.reserved() : 0);
    if (this.sent.length >= allowance) {
      // When enough of the oldest sends leave the hour that one more fits.
      at = Math.max(at, (this.sent[this.sent.length - allowance] as number) + HOUR_MS);
    }
    if (this.serverRemaining !== null && this.serverRemaining <= 0 && this.serverResetAt !== null) {
      at = Math.max(at, this.serverResetAt);
    }
    return at;
  }

  /** When the oldest of our requests leaves the hour; null when we sent none in it. */
  oldestExpiresAt(now: number): number | null {
    this.expire(now);
    const oldest = this.sent[0];
    return oldest === undefined ? null : oldest + HOUR_MS;
  }

  remaining(now: number): number | null {
    this.expire(now);
    return this.serverRemaining;
  }

  serverReset(now: number): number | null {
    this.expire(now);
    return this.serverResetAt;
  }

  recordSend(now: number): void {
    this.sent.push(now);
    if (this.serverRemaining !== null) this.serverRemaining -= 1;
  }

  /** `othersInFlight`: our requests of this group still unanswered, which the server may not have counted yet. */
  recordHeaders(headers: RateHeaders, now: number, othersInFlight: number): void {
    if (headers.limit !== undefined) this.limit = headers.limit;
    if (headers.remaining !== undefined) {
      this.serverRemaining = Math.max(0, headers.remaining - othersInFlight);
      // Retry-After is impact.com's most specific word on when to come back; the window's reset is the fallback.
      const resetAt = this.serverRemaining === 0 ? (headers.retryAt ?? headers.resetAt) : headers.resetAt;
      this.serverResetAt = resetAt ?? this.serverResetAt ?? now + UNKNOWN_RESET_PROBE_MS;
    } else if (headers.resetAt !== undefined) {
      this.serverResetAt = headers.resetAt;
    }
  }

  /** After a 429: nothing of this group goes before `until`. */
  blockUntil(until: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, until);
  }

  private expire(now: number): void {
    // A clock set back (or a laptop's wrong time corrected) must not turn an hour's wait into a day's.
    for (let i = this.sent.length - 1; i >= 0 && (this.sent[i] as number) > now; i -= 1) this.sent[i] = now;
    this.blockedUntil = Math.min(this.blockedUntil, now + MAX_WAIT_MS);
    if (this.serverResetAt !== null) this.serverResetAt = Math.min(this.serverResetAt, now + MAX_WAIT_MS);
    while (this.sent.length > 0 && (this.sent[0] as number) + HOUR_MS <= now) this.sent.shift();
    if (this.serverResetAt !== null && now >= this.serverResetAt) {
      this.serverRemaining = null;
      this.serverResetAt = null;
    }
  }
}
