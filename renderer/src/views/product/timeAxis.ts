// The chart's time axis: dates for a long history, times once it all happened within a day (several postbacks a day
// are ordinary, and a "12/2/2026 … 12/2/2026" axis says nothing).
const DAY_MS = 24 * 60 * 60_000;
/** under this span the minutes alone would repeat: show seconds */
const SECONDS_BELOW_MS = 5 * 60_000;

export interface TimeAxisLabels {
  start: string;
  /** null for a single moment */
  end: string | null;
}

export function timeAxisLabels(firstIso: string, lastIso: string): TimeAxisLabels | null {
  const first = new Date(firstIso);
  const last = new Date(lastIso);
  const span = last.getTime() - first.getTime();
  if (Number.isNaN(span) || span < 0) return null;
  if (span >= DAY_MS) return { start: first.toLocaleDateString(), end: last.toLocaleDateString() };
  const time = (at: Date) =>
    at.toLocaleTimeString(undefined, {
      hour: 'numeric',
      minute: '2-digit',
      ...(span < SECONDS_BELOW_MS ? { second: '2-digit' } : {}),
    });
  const dated = (at: Date) => `${at.toLocaleDateString()} ${time(at)}`;
  if (span === 0) return { start: dated(first), end: null };
  const sameDay = first.toDateString() === last.toDateString();
  return { start: dated(first), end: sameDay ? time(last) : dated(last) };
}
