// impact.com's per-hour limits per endpoint group, counted in clock hours of the fake's clock, with the headers it
// sends: X-RateLimit-Limit-hour / -Remaining-hour and RateLimit-Reset (seconds), or on some accounts the plain
// X-RateLimit-Limit / -Remaining / -Reset; a refusal adds Retry-After.

export type FakeGroup = 'product-search' | 'other';
export type RateHeaderStyle = 'hour' | 'plain' | 'none-on-success';

const HOUR_MS = 3_600_000;

/** "Product Search" is /Catalogs/ItemSearch and /Catalogs/{id}/Items[/…]; everything else is "Other". */
export function fakeGroupOf(rest: string): FakeGroup {
  return /^Catalogs\/(ItemSearch|[^/]+\/Items)(\/|$)/.test(rest) ? 'product-search' : 'other';
}

export class HourlyLimits {
  readonly limits: Record<FakeGroup, number> = { 'product-search': 3000, other: 1000 };
  headerStyle: RateHeaderStyle = 'hour';
  /** requests refused because a group's hour was used up (injected 429s are not counted) */
  refusedOverLimit = 0;
  private readonly counts = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  used(group: FakeGroup): number {
    return this.counts.get(this.key(group)) ?? 0;
  }

  /** Counts the request if the hour has room. */
  take(group: FakeGroup): { allowed: boolean; headers: Record<string, string> } {
    const used = this.used(group);
    const allowed = used < this.limits[group];
    if (allowed) this.counts.set(this.key(group), used + 1);
    else this.refusedOverLimit += 1;
    const remaining = Math.max(0, this.limits[group] - (allowed ? used + 1 : used));
    return { allowed, headers: this.headers(group, remaining, !allowed) };
  }

  headers(group: FakeGroup, remaining: number, refused: boolean): Record<string, string> {
    const now = this.now();
    const resetSeconds = String(Math.ceil((Math.floor(now / HOUR_MS + 1) * HOUR_MS - now) / 1000));
    const out: Record<string, string> = {};
    if (this.headerStyle === 'plain') {
      out['X-RateLimit-Limit'] = String(this.limits[group]);
      out['X-RateLimit-Remaining'] = String(remaining);
      out['X-RateLimit-Reset'] = resetSeconds;
    } else if (this.headerStyle === 'hour' || refused) {
      out['X-RateLimit-Limit-hour'] = String(this.limits[group]);
      out['X-RateLimit-Remaining-hour'] = String(remaining);
      out['RateLimit-Reset'] = resetSeconds;
    }
    if (refused) out['Retry-After'] = resetSeconds;
    return out;
  }

  private key(group: FakeGroup): string {
    return `${group}@${Math.floor(this.now() / HOUR_MS)}`;
  }
}
