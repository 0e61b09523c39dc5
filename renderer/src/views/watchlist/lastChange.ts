import type { FieldChange } from '../../../../shared/contract/feed.js';
import type { HistoryPoint } from '../../../../shared/contract/product.js';

/** What changed between the last two history points (price and stock), for "last change" in the watchlist. */
export function lastChange(history: HistoryPoint[]): { at: string; changes: FieldChange[] } | null {
  const sorted = [...history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (let i = sorted.length - 1; i > 0; i--) {
    const before = sorted[i - 1];
    const after = sorted[i];
    if (!before || !after) continue;
    const changes: FieldChange[] = [];
    if (before.currentPrice !== after.currentPrice) {
      changes.push({ field: 'currentPrice', from: before.currentPrice ?? null, to: after.currentPrice ?? null });
    }
    if (before.stockAvailability !== after.stockAvailability) {
      changes.push({ field: 'stockAvailability', from: before.stockAvailability, to: after.stockAvailability });
    }
    if (changes.length > 0) return { at: after.at, changes };
  }
  return null;
}
