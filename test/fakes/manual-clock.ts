// The one clock tests move by hand. `now` and `sleep` for the impact.com client (hours of budget waits run in
// milliseconds: a sleep moves the clock instead of waiting), timers for the hub follower (backoff, timeouts and the
// dead-stream check, fired in order as time moves). Its functions keep no `this`, so each can be handed on alone
// (`clock: clock.now`, `sleep: clock.sleep`) or the whole clock as a FollowerClock.
import type { FollowerClock } from '../../main/follower/clock.js';

export interface ManualClock extends FollowerClock {
  now(): number;
  /** Moves time to `ms`, firing the timers that fall due on the way. */
  setTime(ms: number): void;
  /** Moves time on by `ms`, firing the timers that fall due on the way, in order. */
  advance(ms: number): void;
  /** Resolves on the next turn of the event loop with the clock moved to at least "now + ms" as of the call. */
  sleep(ms: number): Promise<void>;
  /** every sleep asked for, in order */
  readonly sleeps: number[];
  /** the delay of every timer ever set, in order */
  readonly scheduled: number[];
  /** delays of the timers still pending */
  pending(): number[];
}

interface Timer {
  due: number;
  ms: number;
  callback: () => void;
}

export function manualClock(start = Date.parse('2026-06-01T10:00:00Z')): ManualClock {
  let current = start;
  const timers = new Set<Timer>();
  const sleeps: number[] = [];
  const scheduled: number[] = [];

  const moveTo = (target: number) => {
    for (;;) {
      const next = [...timers].filter((timer) => timer.due <= target).sort((a, b) => a.due - b.due)[0];
      if (!next) break;
      timers.delete(next);
      current = Math.max(current, next.due);
      next.callback();
    }
    current = target;
  };

  return {
    now: () => current,
    setTime: (ms) => moveTo(ms),
    advance: (ms) => moveTo(current + ms),
    sleep(ms) {
      sleeps.push(ms);
      // Overlapping sleeps must not add up: each only guarantees that its own deadline has passed.
      const deadline = current + ms;
      return new Promise((resolve) =>
        setImmediate(() => {
          moveTo(Math.max(current, deadline));
          resolve();
        }),
      );
    },
    set(callback, ms) {
      const timer = { due: current + ms, ms, callback };
      timers.add(timer);
      scheduled.push(ms);
      return timer;
    },
    clear: (handle) => {
      timers.delete(handle as Timer);
    },
    pending: () => [...timers].map((timer) => timer.ms),
    sleeps,
    scheduled,
  };
}
