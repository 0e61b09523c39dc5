// A clock tests move by hand, and a sleep that moves it instead of waiting: hours of budget waits run in milliseconds.

export interface ManualClock {
  now(): number;
  set(ms: number): void;
  advance(ms: number): void;
  /** Resolves on the next turn of the event loop with the clock moved to at least "now + ms" as of the call. */
  sleep(ms: number): Promise<void>;
  /** every sleep asked for, in order */
  readonly sleeps: number[];
}

export function manualClock(start = Date.parse('2026-06-01T10:00:00Z')): ManualClock {
  let current = start;
  const sleeps: number[] = [];
  return {
    now: () => current,
    set: (ms) => {
      current = ms;
    },
    advance: (ms) => {
      current += ms;
    },
    sleep(ms) {
      sleeps.push(ms);
      // Overlapping sleeps must not add up: each only guarantees that its own deadline has passed.
      const deadline = current + ms;
      return new Promise((resolve) =>
        setImmediate(() => {
          current = Math.max(current, deadline);
          resolve();
        }),
      );
    },
    sleeps,
  };
}
