// A FollowerClock that only moves when a test says so: backoff, timeouts and the dead-stream check without waiting.
import type { FollowerClock } from '../../main/follower/clock.js';

interface Timer {
  due: number;
  ms: number;
  callback: () => void;
}

export class ManualClock implements FollowerClock {
  private timers = new Set<Timer>();
  /** the delay of every timer ever set, in order */
  readonly scheduled: number[] = [];

  constructor(private time = Date.parse('2026-03-01T10:32:00Z')) {}

  now(): number {
    return this.time;
  }

  set(callback: () => void, ms: number): unknown {
    const timer = { due: this.time + ms, ms, callback };
    this.timers.add(timer);
    this.scheduled.push(ms);
    return timer;
  }

  clear(handle: unknown): void {
    this.timers.delete(handle as Timer);
  }

  /** delays of the timers still pending */
  pending(): number[] {
    return [...this.timers].map((timer) => timer.ms);
  }

  /** Moves time on, firing what falls due in order. */
  advance(ms: number): void {
    const target = this.time + ms;
    for (;;) {
      const next = [...this.timers].filter((timer) => timer.due <= target).sort((a, b) => a.due - b.due)[0];
      if (!next) break;
      this.timers.delete(next);
      this.time = next.due;
      next.callback();
    }
    this.time = target;
  }
}

/** An in-memory Last-Event-ID store. */
export function memoryStore(initial: string | null = null) {
  let id = initial;
  return {
    load: () => id,
    save: (next: string) => {
      id = next;
    },
    clear: () => {
      id = null;
    },
    get current() {
      return id;
    },
  };
}
