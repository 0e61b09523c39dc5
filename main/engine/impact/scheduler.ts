// Who may send next: at most `maxInFlight` requests at once, each group within its hourly budget, interactive
// requests before background ones. A request waits (in order of arrival within its priority) until both allow it,
// instead of failing; the wait uses the injected sleep so tests need no real time.
import { ENDPOINT_GROUPS, type EndpointGroup, GroupBudget, type RequestPriority } from './budget.js';
import { ImpactApiError, MESSAGES } from './errors.js';

interface Waiter {
  seq: number;
  grant: (release: () => void) => void;
  refuse: (error: Error) => void;
}

export interface SchedulerOptions {
  maxInFlight: number;
  budgetShare: number;
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
}

export interface GroupSchedule {
  group: EndpointGroup;
  /** our requests in the last hour */
  used: number;
  /** how many an hour we allow ourselves (budgetShare × the hourly limit) */
  budget: number;
  /** the part of `budget` background work leaves for interactive requests */
  reserved: number;
  /** impact.com's hourly limit for the group, as last reported (or documented) */
  limit: number;
  /** what impact.com last said is left in its window; null when unknown */
  remaining: number | null;
  queued: number;
  inFlight: number;
  /** when the oldest request of the last hour leaves it, freeing budget (ISO); null when none was sent */
  resetAt: string | null;
  /** when the next waiting request will go (ISO); null when nothing waits */
  nextAt: string | null;
}

const PRIORITIES: readonly RequestPriority[] = ['interactive', 'background'];

export class RequestScheduler {
  readonly budgets: Record<EndpointGroup, GroupBudget>;
  private readonly queues = {
    'product-search': { interactive: [] as Waiter[], background: [] as Waiter[] },
    other: { interactive: [] as Waiter[], background: [] as Waiter[] },
  };
  private readonly inFlightByGroup: Record<EndpointGroup, number> = { 'product-search': 0, other: 0 };
  private inFlight = 0;
  private seq = 0;
  private wakeAt: number | null = null;
  private closed = false;

  constructor(private readonly options: SchedulerOptions) {
    this.budgets = {
      'product-search': new GroupBudget('product-search', options.budgetShare),
      other: new GroupBudget('other', options.budgetShare),
    };
  }

  /** Resolves with a release function once the request may be sent; the send is counted against the budget. */
  acquire(group: EndpointGroup, priority: RequestPriority): Promise<() => void> {
    if (this.closed) return Promise.reject(new ImpactApiError('cancelled', MESSAGES.cancelled));
    return new Promise((grant, refuse) => {
      this.queues[group][priority].push({ seq: this.seq++, grant, refuse });
      this.pump();
    });
  }

  /** Our other unanswered requests of the group (for reading the server's "remaining"). */
  othersInFlight(group: EndpointGroup): number {
    return Math.max(0, this.inFlightByGroup[group] - 1);
  }

  snapshot(group: EndpointGroup): GroupSchedule {
    const now = this.options.clock();
    const budget = this.budgets[group];
    const oldest = budget.oldestExpiresAt(now);
    const nextAt = this.nextSendAt(group, now);
    return {
      group,
      used: budget.used(now),
      budget: budget.allowance(),
      reserved: budget.reserved(),
      limit: budget.limit,
      remaining: budget.remaining(now),
      queued: this.queues[group].interactive.length + this.queues[group].background.length,
      inFlight: this.inFlightByGroup[group],
      resetAt: oldest === null ? null : new Date(oldest).toISOString(),
      nextAt: Number.isFinite(nextAt) ? new Date(nextAt).toISOString() : null,
    };
  }

  /** Refuses everything waiting and anything asked later. */
  close(): void {
    this.closed = true;
    for (const group of ENDPOINT_GROUPS) {
      for (const priority of PRIORITIES) {
        for (const waiter of this.queues[group][priority].splice(0)) {
          waiter.refuse(new ImpactApiError('cancelled', MESSAGES.cancelled));
        }
      }
    }
  }

  /** When the first waiting request of the group may go; +∞ when none waits. */
  private nextSendAt(group: EndpointGroup, now: number): number {
    let earliest = Number.POSITIVE_INFINITY;
    for (const priority of PRIORITIES) {
      if (this.queues[group][priority].length === 0) continue;
      earliest = Math.min(earliest, this.budgets[group].nextSendAt(now, priority));
    }
    return earliest;
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight) {
      const now = this.options.clock();
      const next = this.pickReady(now);
      if (next === null) {
        this.wakeForBudget(now);
        return;
      }
      const [group, priority] = next;
      this.start(group, this.queues[group][priority].shift() as Waiter, now);
    }
  }

  /** Interactive before background; within a priority, the oldest request whose group has budget now. */
  private pickReady(now: number): [EndpointGroup, RequestPriority] | null {
    for (const priority of PRIORITIES) {
      let chosen: Waiter | null = null;
      let chosenGroup: EndpointGroup | null = null;
      for (const group of ENDPOINT_GROUPS) {
        const head = this.queues[group][priority][0];
        if (head === undefined || this.budgets[group].nextSendAt(now, priority) > now) continue;
        if (chosen === null || head.seq < chosen.seq) [chosen, chosenGroup] = [head, group];
      }
      if (chosenGroup !== null) return [chosenGroup, priority];
    }
    return null;
  }

  private start(group: EndpointGroup, waiter: Waiter, now: number): void {
    this.inFlight += 1;
    this.inFlightByGroup[group] += 1;
    this.budgets[group].recordSend(now);
    let released = false;
    waiter.grant(() => {
      if (released) return;
      released = true;
      this.inFlight -= 1;
      this.inFlightByGroup[group] -= 1;
      this.pump();
    });
  }

  /** Sleeps until the earliest moment a waiting request gets budget again, then looks again. */
  private wakeForBudget(now: number): void {
    const earliest = Math.min(...ENDPOINT_GROUPS.map((group) => this.nextSendAt(group, now)));
    if (!Number.isFinite(earliest) || (this.wakeAt !== null && this.wakeAt <= earliest)) return;
    const target = earliest;
    this.wakeAt = target;
    const wake = () => {
      if (this.wakeAt === target) this.wakeAt = null;
      if (!this.closed) this.pump();
    };
    this.options.sleep(Math.max(0, target - now)).then(wake, wake);
  }
}
