// Brute-force brake for POST /api/pair: at most `maxFailures` wrong codes per rolling window from one address.
// IPv6 addresses count per /64, because one home connection gets a whole /64 to rotate through.
import { isIPv6 } from 'node:net';

export type LimiterVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface FailedAttemptLimiterOptions {
  maxFailures?: number;
  windowMs?: number;
  clock?: () => number;
}

export class FailedAttemptLimiter {
  private readonly maxFailures: number;
  private readonly windowMs: number;
  private readonly clock: () => number;
  /** address → times of its failures inside the window, oldest first */
  private readonly failures = new Map<string, number[]>();
  private lastSweep: number;

  constructor(options: FailedAttemptLimiterOptions = {}) {
    this.maxFailures = options.maxFailures ?? 10;
    this.windowMs = options.windowMs ?? 60_000;
    this.clock = options.clock ?? Date.now;
    this.lastSweep = this.clock();
  }

  /** Ask before checking a code: a blocked address is answered 429 without looking at the code at all. */
  check(address: string): LimiterVerdict {
    const now = this.clock();
    const recent = this.recent(addressKey(address), now);
    if (recent.length < this.maxFailures) return { allowed: true };
    const oldest = recent[recent.length - this.maxFailures] ?? now;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)) };
  }

  recordFailure(address: string): void {
    const now = this.clock();
    const key = addressKey(address);
    const recent = this.recent(key, now);
    recent.push(now);
    // Only the newest maxFailures decide whether the address is blocked: older ones need not be kept.
    if (recent.length > this.maxFailures) recent.splice(0, recent.length - this.maxFailures);
    this.failures.set(key, recent);
    this.sweep(now);
  }

  /** How many addresses are remembered (memory stays bounded by the failures of one window). */
  get size(): number {
    return this.failures.size;
  }

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    return kept;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, times] of this.failures) {
      if ((times[times.length - 1] ?? 0) <= now - this.windowMs) this.failures.delete(key);
    }
  }
}

/** IPv4 (also IPv4-mapped IPv6) as is; other IPv6 addresses by their /64 prefix. */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('%')[0]?.split('::') ?? [];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = address.includes('::') ? [...headGroups, ...Array(missing).fill('0'), ...tailGroups] : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
