// impact.com retries until it gets 200/201 and sends no event id or timestamp, so a late retry of an older postback
// is indistinguishable from data — except by content. Applied as data it would roll the item back (the fixture
// "duplicate-of-price-drop" arrives after the item went back in stock with 40 left, and repeats inventory 95).
// These helpers let the caller remember a few recent snapshots per item and skip an exact repeat within a window.
// Trade-off (documented): a genuine return to an identical earlier state within the window is skipped too.
import type { ProductSnapshot } from '../../../shared/model.js';

export interface RecentSnapshot {
  fingerprint: string;
  at: string;
}

/** Long enough for impact.com's undocumented retry schedule after a lost 200; short next to daily re-imports. */
export const RETRY_WINDOW_MS = 15 * 60 * 1000;
export const RECENT_SNAPSHOTS_KEPT = 8;

const FINGERPRINT_FIELDS = [
  'operation',
  'catalogId',
  'catalogItemId',
  'campaignId',
  'name',
  'url',
  'imageUrl',
  'currentPrice',
  'originalPrice',
  'currency',
  'stockAvailability',
  'inventory',
] as const satisfies readonly (keyof ProductSnapshot)[];

/** Field order is fixed, so equal snapshots always give equal text. */
export function snapshotFingerprint(snapshot: ProductSnapshot): string {
  return JSON.stringify(FINGERPRINT_FIELDS.map((field) => snapshot[field] ?? null));
}

/**
 * Whether `snapshot` repeats one seen for this item within the window (retry: skip it, apply nothing), and the
 * memory to keep. `recent` is what the previous call returned for the same item (undefined at first).
 */
export function checkRetry(
  recent: readonly RecentSnapshot[] | undefined,
  snapshot: ProductSnapshot,
  at: string,
  windowMs: number = RETRY_WINDOW_MS,
): { retry: boolean; recent: RecentSnapshot[] } {
  const now = Date.parse(at);
  const live = (recent ?? []).filter((seen) => {
    const age = now - Date.parse(seen.at);
    // Unparseable times or a clock that went backwards: keep the entry rather than guess.
    return !Number.isFinite(age) || age <= windowMs;
  });
  const fingerprint = snapshotFingerprint(snapshot);
  if (live.some((seen) => seen.fingerprint === fingerprint)) return { retry: true, recent: live };
  return { retry: false, recent: [...live, { fingerprint, at }].slice(-RECENT_SNAPSHOTS_KEPT) };
}
