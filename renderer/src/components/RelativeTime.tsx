import { useEffect, useState } from 'react';
import { absoluteTime, relativeTime } from '../lib/relativeTime.js';

// One shared clock for all visible times: a single timer re-renders them each minute (no server polling).
const subscribers = new Set<(now: number) => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    subscribers.add(setNow);
    timer ??= setInterval(() => {
      const at = Date.now();
      for (const notify of subscribers) notify(at);
    }, 30_000);
    return () => {
      subscribers.delete(setNow);
      if (subscribers.size === 0 && timer) {
        clearInterval(timer);
        timer = null;
      }
    };
  }, []);
  return now;
}

export function RelativeTime({ iso }: { iso: string }) {
  const now = useMinuteClock();
  return (
    <time dateTime={iso} title={absoluteTime(iso)}>
      {relativeTime(iso, Math.max(now, Date.now()))}
    </time>
  );
}
