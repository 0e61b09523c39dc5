// A laptop that wakes (or whose network comes back) reconnects to its hub at once, not at the next backoff step.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ONLINE_POLL_MS, wakeOnResume } from '../../main/desktop/wake.js';
import { realTimers } from '../../shared/domain/alert-policy.js';
import { FakePowerMonitor } from './fake-power-monitor.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('waking the follower', () => {
  it('on resume, on unlocking the screen, and when the network comes back', () => {
    const powerMonitor = new FakePowerMonitor();
    let online = true;
    let wakes = 0;
    const stop = wakeOnResume({ powerMonitor, isOnline: () => online, wake: () => wakes++, timers: realTimers });
    powerMonitor.emit('resume');
    powerMonitor.emit('unlock-screen');
    expect(wakes).toBe(2);
    online = false;
    vi.advanceTimersByTime(ONLINE_POLL_MS);
    expect(wakes).toBe(2);
    online = true;
    vi.advanceTimersByTime(ONLINE_POLL_MS);
    expect(wakes).toBe(3);
    vi.advanceTimersByTime(ONLINE_POLL_MS * 3);
    expect(wakes).toBe(3); // online all along: nothing to do
    stop();
    powerMonitor.emit('resume');
    expect([wakes, powerMonitor.count(), vi.getTimerCount()]).toEqual([3, 0, 0]);
  });
});
