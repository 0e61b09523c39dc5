// SQLite finds a damaged page only when it reads it. Whichever UI API call meets the damage says so plainly, and the
// engine marks the database to be moved aside and rebuilt from the journal at the next start.
import { mapUiApi, type UiApi } from '../../../shared/contract/api.js';
import { ApiError } from '../../../shared/contract/errors.js';
import { isDamage } from '../store/db/open.js';

export const DAMAGED_MESSAGE =
  'The product database is damaged. Restart Shelfwatch to rebuild it from the journal; postbacks are still recorded.';

export function guardDamage(api: UiApi, onDamage: (error: Error) => void): UiApi {
  return mapUiApi(async (method, req) => {
    try {
      return await api[method](req);
    } catch (error) {
      if (!isDamage(error)) throw error;
      onDamage(error as Error);
      throw new ApiError(503, DAMAGED_MESSAGE);
    }
  });
}
