// Time as the follower sees it: injected, so tests drive backoff, timeouts and the dead-stream check without waiting.

export interface FollowerClock {
  now(): number;
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const systemClock: FollowerClock = {
  now: () => Date.now(),
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
