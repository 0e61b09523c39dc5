// One request at a time per host, with a pause between them: how a polite reader treats someone else's server.
// Requests to different hosts do not wait for each other.

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** Waits `ms`, or less when `signal` aborts (then it rejects with the signal's reason). */
export const realSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const done = () => {
      signal.removeEventListener('abort', stop);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', stop, { once: true });
  });

export class HostQueue {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(
    /** the pause after a request to this host before the next one starts */
    private readonly delayFor: (host: string) => number,
    private readonly signal: AbortSignal,
    private readonly sleep: Sleep = realSleep,
  ) {}

  /** Runs `task` once every earlier task for `host` has finished and the pause after it has passed. */
  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(host);
    const result = (async () => {
      if (previous) {
        await previous;
        const delay = this.delayFor(host);
        if (delay > 0) await this.sleep(delay, this.signal);
      }
      if (this.signal.aborted) throw this.signal.reason;
      return task();
    })();
    const tail = result.then(
      () => {},
      () => {},
    );
    // Kept after it settles (one entry per host read): the next request still waits out the pause after it.
    this.tails.set(host, tail);
    return result;
  }
}
