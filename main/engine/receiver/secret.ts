import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Constant-time comparison that does not leak the length either: both sides are hashed first. */
export function secretsMatch(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && expected.length > 0;
}

/** A URL-safe random secret (32 bytes → 43 characters). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}
