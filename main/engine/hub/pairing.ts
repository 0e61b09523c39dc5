// Pairing a device with the hub: one-time codes a person can type, the pairing link that carries the code and the
// certificate's fingerprint, device tokens (only their hashes are ever stored) and the brute-force limiter.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export { FailedAttemptLimiter, type LimiterVerdict } from './failed-attempt-limiter.js';

/** No 0/O, 1/I/L, U/V: nothing a person could misread or mistype. */
export const PAIRING_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
const GROUPS = 3;
const GROUP_LENGTH = 4;
/** A code works once and for this long. */
export const PAIRING_CODE_TTL_MS = 10 * 60 * 1000;

/** e.g. "K7QM-3RXT-9HZC": 29^12 ≈ 3.5·10^17 codes, against 10 guesses a minute per address. */
export function newPairingCode(): string {
  const groups: string[] = [];
  for (let group = 0; group < GROUPS; group++) {
    let text = '';
    for (let i = 0; i < GROUP_LENGTH; i++) text += PAIRING_CODE_ALPHABET[randomInt(PAIRING_CODE_ALPHABET.length)];
    groups.push(text);
  }
  return groups.join('-');
}

/** What a person typed → the canonical "XXXX-XXXX-XXXX", or null when it cannot be a code. */
export function normalizePairingCode(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== GROUPS * GROUP_LENGTH) return null;
  if ([...compact].some((char) => !PAIRING_CODE_ALPHABET.includes(char))) return null;
  return compact.match(new RegExp(`.{${GROUP_LENGTH}}`, 'g'))?.join('-') ?? null;
}

export interface PairingLinkParts {
  /** the remote listener's base URL, without a trailing slash */
  hubUrl: string;
  code: string;
  /** null: no pin, the hub's certificate is checked against the usual certificate authorities (a TLS proxy) */
  fingerprint: string | null;
}

export function pairingLink({ hubUrl, code, fingerprint }: PairingLinkParts): string {
  return `shelfwatch://pair?hub=${encodeURIComponent(hubUrl)}&code=${encodeURIComponent(code)}&fp=${fingerprint ?? ''}`;
}

export class PairingLinkError extends Error {
  override name = 'PairingLinkError';
}

const NOT_A_LINK = 'This is not a Shelfwatch pairing link.';
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const hubUrlSchema = z.string({ error: 'The pairing link has no hub address.' }).transform((text, context) => {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    context.addIssue({ code: 'custom', message: `The hub address "${text}" in the pairing link is not a URL.` });
    return z.NEVER;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    context.addIssue({ code: 'custom', message: 'The hub address in the pairing link must be an https:// URL.' });
    return z.NEVER;
  }
  if (url.username || url.password || url.search || url.hash) {
    context.addIssue({ code: 'custom', message: 'The hub address in the pairing link must be a plain base URL.' });
    return z.NEVER;
  }
  return url;
});

const linkSchema = z
  .object({
    hub: hubUrlSchema,
    code: z
      .string({ error: 'The pairing link has no code.' })
      .transform((text) => normalizePairingCode(text) ?? '')
      .refine((code) => code !== '', 'The code in the pairing link is not a pairing code (like K7QM-3RXT-9HZC).'),
    fp: z
      .string()
      .optional()
      .transform((text) => (text ?? '').replace(/:/g, '').toLowerCase())
      .refine(
        (fp) => fp === '' || /^[0-9a-f]{64}$/.test(fp),
        'The fingerprint in the pairing link is not a SHA-256 fingerprint.',
      ),
  })
  .superRefine(({ hub, fp }, context) => {
    // A token must never cross the network in clear, and a fingerprint cannot pin a plain-HTTP connection.
    if (hub.protocol === 'http:' && fp) {
      context.addIssue({
        code: 'custom',
        message: 'The pairing link pins a certificate but its hub address is http://.',
      });
    }
    if (hub.protocol === 'http:' && !LOOPBACK_HOSTS.has(hub.hostname)) {
      context.addIssue({
        code: 'custom',
        message: 'The hub address in the pairing link is plain http:// on another machine: use its https:// address.',
      });
    }
  });

/** Parses a pasted pairing link; throws PairingLinkError saying what is wrong with it. */
export function parsePairingLink(text: string): PairingLinkParts {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new PairingLinkError(NOT_A_LINK);
  }
  if (url.protocol !== 'shelfwatch:' || url.host !== 'pair') throw new PairingLinkError(NOT_A_LINK);
  const fields = Object.fromEntries(url.searchParams);
  const parsed = linkSchema.safeParse(fields);
  if (!parsed.success) throw new PairingLinkError(parsed.error.issues[0]?.message ?? NOT_A_LINK);
  const { hub, code, fp } = parsed.data;
  return { hubUrl: hub.href.replace(/\/+$/, ''), code, fingerprint: fp || null };
}

/** A device token: 256 random bits, URL-safe (43 characters). The hub keeps only hashToken() of it. */
export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Constant-time, and the length does not leak either: both sides are hashed to 32 bytes first. */
export function constantTimeEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && expected.length > 0;
}

/** Does a presented token match a stored hash? */
export function tokenMatchesHash(token: string, storedHash: string): boolean {
  return constantTimeEqual(hashToken(token), storedHash);
}
