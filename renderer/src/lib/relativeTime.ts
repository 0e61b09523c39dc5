// "2 min ago" for scanning a feed; the exact time goes in a title attribute beside it.
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function relativeTime(iso: string, now: number): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return 'unknown time';
  const ago = now - at;
  if (ago < 45_000) return 'just now';
  if (ago < HOUR) return `${Math.max(1, Math.round(ago / MINUTE))} min ago`;
  if (ago < DAY) return `${Math.round(ago / HOUR)} h ago`;
  if (ago < 7 * DAY) {
    const days = Math.round(ago / DAY);
    return days === 1 ? 'yesterday' : `${days} days ago`;
  }
  return new Date(at).toLocaleDateString();
}

export function absoluteTime(iso: string): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? iso : new Date(at).toLocaleString();
}

/**
 * "11:00" today; "Tue 01:00" within the week; with the date beyond that: when something happened or next happens
 * ("Hub unreachable since 10:32", "next batch at 11:00").
 */
export function clockTime(iso: string, now = Date.now()): string {
  const at = new Date(Date.parse(iso));
  if (Number.isNaN(at.getTime())) return iso;
  const time = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  if (at.toDateString() === new Date(now).toDateString()) return time;
  const withinWeek = Math.abs(at.getTime() - now) < 6 * 86_400_000;
  return `${withinWeek ? at.toLocaleDateString([], { weekday: 'short' }) : at.toLocaleDateString()} ${time}`;
}
