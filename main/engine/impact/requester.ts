// GET with everything impact.com asks of a client: pinned version, Basic auth, the scheduler's slot and budget, the
// rate-limit headers read on every answer, 429 waits as long as impact.com says, 5xx and network failures retried
// with exponential backoff and jitter, a bounded number of attempts.
import { type EndpointGroup, endpointGroupOf, type RequestPriority } from './budget.js';
import { badResponse, createRedactor, errorForStatus, ImpactApiError } from './errors.js';
import { readRateHeaders } from './rate-headers.js';
import { RequestScheduler } from './scheduler.js';
import { decodeAnswer, exchange, type RawAnswer } from './transport.js';
import { errorBodySchema } from './wire-schema.js';

/**
 * Version 16 is the current partner version (dated 2026-06-01) and the one whose ItemSearch takes `Keyword` and pages
 * by cursor; pinning it keeps the answer's shape from changing when impact.com moves an account's default version.
 */
export const IR_VERSION = '16';

export interface ImpactLogger {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

export interface RequesterOptions {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  fetch: typeof fetch;
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  budgetShare: number;
  maxInFlight: number;
  timeoutMs: number;
  maxResponseBytes: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  log?: ImpactLogger;
}

export interface RateLimitInfo {
  remaining: number;
  /** when impact.com's window starts over (ISO); null when it did not say */
  resetAt: string | null;
}

const MAX_DETAIL_LENGTH = 300;

export class Requester {
  readonly scheduler: RequestScheduler;
  readonly redact: (text: string) => string;
  private readonly base: URL;
  private readonly headers: Record<string, string>;
  private readonly closing = new AbortController();
  private readonly lastRate: Partial<Record<EndpointGroup, RateLimitInfo>> = {};
  private lastRateGroup: EndpointGroup | null = null;

  constructor(private readonly options: RequesterOptions) {
    this.base = new URL(options.baseUrl);
    const credentials = Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64');
    this.redact = createRedactor([options.authToken, credentials]);
    this.headers = { Accept: 'application/json', 'IR-Version': IR_VERSION, Authorization: `Basic ${credentials}` };
    this.scheduler = new RequestScheduler(options);
  }

  /** `target`: a path we built, or a next-page link impact.com gave us (followed verbatim, relative to the base). */
  async get(target: string, priority: RequestPriority): Promise<Record<string, unknown>> {
    const url = this.resolve(target);
    const group = endpointGroupOf(new URL(url).pathname);
    for (let attempt = 1; ; attempt += 1) {
      const release = await this.scheduler.acquire(group, priority);
      let answer: RawAnswer;
      try {
        answer = await exchange(url, {
          fetch: this.options.fetch,
          headers: this.headers,
          timeoutMs: this.options.timeoutMs,
          maxBytes: this.options.maxResponseBytes,
          closed: this.closing.signal,
        });
      } catch (error) {
        release();
        const retryable = error instanceof ImpactApiError && error.kind === 'unreachable';
        if (!retryable || attempt >= this.options.maxAttempts) throw error;
        await this.backOff(target, attempt, error.message, 0);
        continue;
      }
      const now = this.options.clock();
      const rate = readRateHeaders(answer.headers, now);
      this.scheduler.budgets[group].recordHeaders(rate, now, this.scheduler.othersInFlight(group));
      this.rememberRate(group, rate.remaining, rate.resetAt);
      release();
      if (answer.status >= 200 && answer.status < 300) return this.decode(answer);
      if (answer.status >= 300 && answer.status < 400)
        throw badResponse(`a redirect (${answer.status})`, answer.status);
      const error = errorForStatus(answer.status, this.errorDetail(answer.text));
      if (attempt >= this.options.maxAttempts) throw error;
      if (answer.status === 429) {
        // The scheduler holds every request of the group until then; this one re-queues and waits with them.
        const until = rate.retryAt ?? rate.resetAt ?? now + this.backoffDelay(attempt);
        this.scheduler.budgets[group].blockUntil(until);
        this.options.log?.warn('impact.com: rate limited, waiting', { path: this.redact(target), waitMs: until - now });
        continue;
      }
      if (answer.status < 500) throw error;
      await this.backOff(target, attempt, `status ${answer.status}`, (rate.retryAt ?? now) - now);
    }
  }

  rateLimit(group?: EndpointGroup): RateLimitInfo | null {
    const which = group ?? this.lastRateGroup;
    return which === null ? null : (this.lastRate[which] ?? null);
  }

  close(): void {
    this.scheduler.close();
    this.closing.abort();
  }

  /** Exponential, capped, with "equal jitter": between half and all of base × 2^(attempt-1). */
  backoffDelay(attempt: number): number {
    const ceiling = Math.min(this.options.backoffMaxMs, this.options.backoffBaseMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + this.options.random() * (ceiling / 2));
  }

  private async backOff(target: string, attempt: number, reason: string, atLeastMs: number): Promise<void> {
    const waitMs = Math.max(this.backoffDelay(attempt), atLeastMs);
    this.options.log?.warn('impact.com: retrying', { path: this.redact(target), reason, attempt, waitMs });
    await this.options.sleep(waitMs);
  }

  private resolve(target: string): string {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
      // An absolute link is followed only to impact.com itself: the credentials go wherever we follow.
      if (!URL.canParse(target) || new URL(target).origin !== this.base.origin) {
        throw badResponse('a next-page link to another host');
      }
      return target;
    }
    if (!target.startsWith('/') || target.startsWith('//')) throw badResponse('a next-page link that is not a path');
    return `${this.base.origin}${this.base.pathname.replace(/\/+$/, '')}${target}`;
  }

  private decode(answer: RawAnswer): Record<string, unknown> {
    try {
      return decodeAnswer(answer.text);
    } catch (error) {
      throw badResponse(error instanceof Error ? error.message : String(error), answer.status);
    }
  }

  /** impact.com's Message (and field errors) from a JSON or XML error body; undefined when there is none. */
  private errorDetail(text: string): string | undefined {
    let body: unknown;
    try {
      body = decodeAnswer(text);
    } catch {
      return undefined;
    }
    const parsed = errorBodySchema.safeParse(body);
    if (!parsed.success) return undefined;
    const fields = parsed.data.Errors.map((e) => [e.Field, e.Message].filter(Boolean).join(': ')).filter(Boolean);
    const detail = [parsed.data.Message, ...fields].filter(Boolean).join('; ');
    return detail === '' ? undefined : this.redact(detail).slice(0, MAX_DETAIL_LENGTH);
  }

  private rememberRate(group: EndpointGroup, remaining: number | undefined, resetAt: number | undefined): void {
    if (remaining === undefined) return;
    this.lastRate[group] = { remaining, resetAt: resetAt === undefined ? null : new Date(resetAt).toISOString() };
    this.lastRateGroup = group;
  }
}
