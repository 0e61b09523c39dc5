// When a "Pause alerts" choice ends. Pure: local time in, ISO timestamp out (what settings.alertsPausedUntil stores).

export type PauseChoice = 'one-hour' | 'until-tomorrow-morning';

const HOUR_MS = 60 * 60 * 1000;
/** "until tomorrow 8:00" in local time */
export const MORNING_HOUR = 8;

export function pauseEndsAt(choice: PauseChoice, now: Date): string {
  if (choice === 'one-hour') return new Date(now.getTime() + HOUR_MS).toISOString();
  const morning = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, MORNING_HOUR, 0, 0, 0);
  return morning.toISOString();
}

/** The pause end as epoch ms when it is still in the future, else null (no pause, expired, or unreadable). */
export function activePauseEnd(alertsPausedUntil: string | null, nowMs: number): number | null {
  if (!alertsPausedUntil) return null;
  const end = Date.parse(alertsPausedUntil);
  return Number.isFinite(end) && end > nowMs ? end : null;
}
