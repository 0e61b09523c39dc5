// A follower asleep with the laptop holds a dead connection it would only notice at the next backoff step or after
// the 45 s silence check. On resume, on unlocking the screen and when the network comes back it reconnects at once.
import type { Timers } from '../../shared/domain/alert-policy.js';

/** The part of Electron's powerMonitor used here (face.ts hands in the real one, which the compiler checks). */
export interface PowerMonitorLike {
  on(event: 'resume' | 'unlock-screen', listener: () => void): unknown;
  removeListener(event: 'resume' | 'unlock-screen', listener: () => void): unknown;
}

export interface WakeOptions {
  powerMonitor: PowerMonitorLike;
  /** Electron's net.isOnline(): main has no "online" event, so it is looked at every few seconds */
  isOnline: () => boolean;
  wake: () => void;
  timers: Timers;
  pollMs?: number;
}

export const ONLINE_POLL_MS = 5_000;

/** Returns a function that stops watching. */
export function wakeOnResume(options: WakeOptions): () => void {
  const { powerMonitor, wake, timers } = options;
  const onWake = () => wake();
  powerMonitor.on('resume', onWake);
  powerMonitor.on('unlock-screen', onWake);
  let online = options.isOnline();
  let timer: unknown = null;
  const poll = () => {
    const now = options.isOnline();
    if (now && !online) wake();
    online = now;
    timer = timers.set(poll, options.pollMs ?? ONLINE_POLL_MS);
  };
  timer = timers.set(poll, options.pollMs ?? ONLINE_POLL_MS);
  return () => {
    powerMonitor.removeListener('resume', onWake);
    powerMonitor.removeListener('unlock-screen', onWake);
    if (timer !== null) timers.clear(timer);
  };
}
