// Quiet hours are "HH:MM" local times and may wrap midnight (22:00 → 07:00). Pure: the caller passes the time.
import type { QuietHours } from '../../shared/contract/settings.js';

function toMinutes(hhmm: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

const minutesOfDay = (at: Date): number => at.getHours() * 60 + at.getMinutes();

/** True while `at` (local time) falls inside the quiet hours. Start == end or an unreadable time means none. */
export function isQuietTime(at: Date, quiet: QuietHours | null): boolean {
  if (!quiet) return false;
  const start = toMinutes(quiet.start);
  const end = toMinutes(quiet.end);
  if (start === null || end === null || start === end) return false;
  const now = minutesOfDay(at);
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** The next moment (local time) the quiet hours end, strictly after `at`; null when there are none. */
export function quietHoursEnd(at: Date, quiet: QuietHours | null): Date | null {
  if (!quiet || !isQuietTime(at, quiet)) return null;
  const end = toMinutes(quiet.end);
  if (end === null) return null;
  const candidate = new Date(at.getFullYear(), at.getMonth(), at.getDate(), Math.floor(end / 60), end % 60);
  if (candidate.getTime() <= at.getTime()) candidate.setDate(candidate.getDate() + 1);
  return candidate;
}
