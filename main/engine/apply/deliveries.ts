// impact.com retries until it gets a 200 and may deliver the same postback twice; a postback carries no event id.
// So a request byte-identical to one received within the window is taken as a repeated delivery and not applied
// again. The window is short because an item can legitimately return to an earlier state (10 → 8 → 10) later on.
import { createHash } from 'node:crypto';
import type { RawRequest } from '../../../shared/model.js';

export const DUPLICATE_WINDOW_MS = 10 * 60_000;

/** fingerprint → receive time (ms); a Map keeps insertion order, which is time order */
export type RecentDeliveries = Map<string, number>;

/** True when this request repeats one seen within the window; otherwise remembers it. */
export function isRepeatedDelivery(recent: RecentDeliveries, raw: RawRequest, atMs: number): boolean {
  const fingerprint = createHash('sha256')
    .update(`${raw.method}\n${raw.query}\n${raw.contentType}\n${raw.body}`)
    .digest('base64url');
  forgetOldDeliveries(recent, atMs);
  const seenAt = recent.get(fingerprint);
  if (seenAt !== undefined && atMs - seenAt <= DUPLICATE_WINDOW_MS && atMs >= seenAt) return true;
  recent.delete(fingerprint); // re-insert at the end: the map stays ordered by time
  recent.set(fingerprint, atMs);
  return false;
}

/**
 * Forgets deliveries older than the window. Entries are in time order, so only the oldest few are looked at.
 * (A clock that jumped back leaves some out of order; they go once the clock passes them.)
 */
function forgetOldDeliveries(recent: RecentDeliveries, nowMs: number): void {
  for (const [fingerprint, seenAt] of recent) {
    if (nowMs - seenAt <= DUPLICATE_WINDOW_MS) return;
    recent.delete(fingerprint);
  }
}
