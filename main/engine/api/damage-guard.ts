// SQLite finds a damaged page only when it reads it. Whichever UI API call meets the damage says so plainly, and the
// engine marks the database to be moved aside at the next start, and restored from the newest good backup and the
// journal.
import type { UiApi } from '../../../shared/api.js';
import { ApiError } from '../../../shared/api-error.js';
import { isDamage } from '../store/db/open.js';

export const DAMAGED_MESSAGE =
  'The product database is damaged. Restart Shelfwatch to restore it from the newest backup and the journal; postbacks are still recorded.';

export function guardDamage(api: UiApi, onDamage: (error: Error) => void): UiApi {
  const guarded: Record<string, unknown> = {};
  for (const [method, call] of Object.entries(api) as [string, (req: unknown) => Promise<unknown>][]) {
    guarded[method] = async (req: unknown) => {
      try {
        return await call(req);
      } catch (error) {
        if (!isDamage(error)) throw error;
        onDamage(error as Error);
        throw new ApiError(503, DAMAGED_MESSAGE);
      }
    };
  }
  return guarded as UiApi;
}
