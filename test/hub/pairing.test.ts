import { describe, expect, it } from 'vitest';
import { addressKey } from '../../main/engine/hub/failed-attempt-limiter.js';
import {
  constantTimeEqual,
  FailedAttemptLimiter,
  hashToken,
  newDeviceToken,
  newPairingCode,
  normalizePairingCode,
  PAIRING_CODE_ALPHABET,
  pairingLink,
  parsePairingLink,
  tokenMatchesHash,
} from '../../main/engine/hub/pairing.js';

const FP = 'ab'.repeat(32);

describe('pairing codes', () => {
  it('are three groups of four from an alphabet without look-alikes, and differ every time', () => {
    const codes = Array.from({ length: 200 }, newPairingCode);
    for (const code of codes)
      expect(code).toMatch(/^[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$/);
    expect(new Set(codes).size).toBe(200);
    for (const confusable of '01ILOUV') expect(PAIRING_CODE_ALPHABET).not.toContain(confusable);
  });

  it('are read back however a person typed them', () => {
    expect(normalizePairingCode(' k7qm 3rxt-9hzc ')).toBe('K7QM-3RXT-9HZC');
    expect(normalizePairingCode('K7QM3RXT9HZC')).toBe('K7QM-3RXT-9HZC');
    expect(normalizePairingCode('K7QM-3RXT-9HZ')).toBeNull();
    expect(normalizePairingCode('K7QM-3RXT-9HZ0')).toBeNull();
  });
});

describe('pairing link', () => {
  it('round-trips hub URL, code and fingerprint', () => {
    const parts = { hubUrl: 'https://hub.example.net:8789', code: 'K7QM-3RXT-9HZC', fingerprint: FP };
    const link = pairingLink(parts);
    expect(link).toBe(`shelfwatch://pair?hub=https%3A%2F%2Fhub.example.net%3A8789&code=K7QM-3RXT-9HZC&fp=${FP}`);
    expect(parsePairingLink(link)).toEqual(parts);
  });

  it('an empty fp means no pin (a hub behind a TLS proxy); a path prefix is kept', () => {
    const parts = { hubUrl: 'https://example.net/shelfwatch', code: 'K7QM-3RXT-9HZC', fingerprint: null };
    expect(pairingLink(parts)).toMatch(/&fp=$/);
    expect(parsePairingLink(pairingLink(parts))).toEqual(parts);
  });

  it('is forgiving about what copying does to it: spaces around, a lowercase code, a colon-separated fingerprint', () => {
    const colons = FP.toUpperCase().match(/../g)?.join(':');
    const link = `  shelfwatch://pair?hub=https%3A%2F%2Fhub.example.net%2F&code=k7qm-3rxt-9hzc&fp=${colons}\n`;
    expect(parsePairingLink(link)).toEqual({
      hubUrl: 'https://hub.example.net',
      code: 'K7QM-3RXT-9HZC',
      fingerprint: FP,
    });
  });

  it.each([
    ['', 'This is not a Shelfwatch pairing link.'],
    ['https://hub.example.net:8789', 'This is not a Shelfwatch pairing link.'],
    ['shelfwatch://open?hub=x', 'This is not a Shelfwatch pairing link.'],
    [`shelfwatch://pair?code=K7QM-3RXT-9HZC&fp=${FP}`, 'The pairing link has no hub address.'],
    ['shelfwatch://pair?hub=https%3A%2F%2Fh&fp=', 'The pairing link has no code.'],
    [
      'shelfwatch://pair?hub=nonsense&code=K7QM-3RXT-9HZC',
      'The hub address "nonsense" in the pairing link is not a URL.',
    ],
    ['shelfwatch://pair?hub=ftp%3A%2F%2Fh&code=K7QM-3RXT-9HZC', 'must be an https:// URL'],
    ['shelfwatch://pair?hub=https%3A%2F%2Fh%3Fx%3D1&code=K7QM-3RXT-9HZC', 'must be a plain base URL'],
    ['shelfwatch://pair?hub=https%3A%2F%2Fh&code=12345', 'is not a pairing code'],
    ['shelfwatch://pair?hub=https%3A%2F%2Fh&code=K7QM-3RXT-9HZC&fp=abc', 'is not a SHA-256 fingerprint'],
    ['shelfwatch://pair?hub=http%3A%2F%2Fhub.example.net&code=K7QM-3RXT-9HZC&fp=', 'use its https:// address'],
    [`shelfwatch://pair?hub=http%3A%2F%2Flocalhost%3A1&code=K7QM-3RXT-9HZC&fp=${FP}`, 'pins a certificate but'],
  ])('rejects %j', (link, message) => {
    expect(() => parsePairingLink(link)).toThrow(message);
  });

  it('accepts plain http only on this machine (an SSH tunnel to a hub behind no proxy)', () => {
    expect(parsePairingLink('shelfwatch://pair?hub=http%3A%2F%2F127.0.0.1%3A9000&code=K7QM-3RXT-9HZC&fp=')).toEqual({
      hubUrl: 'http://127.0.0.1:9000',
      code: 'K7QM-3RXT-9HZC',
      fingerprint: null,
    });
  });
});

describe('device tokens', () => {
  it('are 256 random bits in base64url; only the SHA-256 hex is stored and compared in constant time', () => {
    const token = newDeviceToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newDeviceToken()).not.toBe(token);
    const stored = hashToken(token);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenMatchesHash(token, stored)).toBe(true);
    expect(tokenMatchesHash(`${token}x`, stored)).toBe(false);
    expect(tokenMatchesHash('', stored)).toBe(false);
    expect(constantTimeEqual('same', 'same')).toBe(true);
    expect(constantTimeEqual('same', 'other-length')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(false);
  });
});

describe('FailedAttemptLimiter', () => {
  it('blocks an address after 10 failures in a rolling minute, saying when to retry', () => {
    let now = 1_000_000;
    const limiter = new FailedAttemptLimiter({ clock: () => now });
    for (let i = 0; i < 10; i++) {
      expect(limiter.check('203.0.113.7')).toEqual({ allowed: true });
      limiter.recordFailure('203.0.113.7');
      now += 1_000; // failures at 0 s … 9 s
    }
    expect(limiter.check('203.0.113.7')).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(limiter.check('203.0.113.8')).toEqual({ allowed: true });
    now = 1_000_000 + 59_999;
    expect(limiter.check('203.0.113.7')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now = 1_000_000 + 60_000; // the first failure left the window: one more try
    expect(limiter.check('203.0.113.7')).toEqual({ allowed: true });
    limiter.recordFailure('203.0.113.7');
    expect(limiter.check('203.0.113.7')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('counts IPv4-mapped addresses as IPv4 and IPv6 per /64', () => {
    const limiter = new FailedAttemptLimiter({ maxFailures: 2, clock: () => 0 });
    limiter.recordFailure('::ffff:198.51.100.1');
    limiter.recordFailure('198.51.100.1');
    expect(limiter.check('198.51.100.1').allowed).toBe(false);
    limiter.recordFailure('2001:db8:1:2::1');
    limiter.recordFailure('2001:db8:1:2:ffff:ffff:ffff:ffff');
    expect(limiter.check('2001:db8:1:2::abcd').allowed).toBe(false);
    expect(limiter.check('2001:db8:1:3::1').allowed).toBe(true);
    expect(addressKey('2001:0db8:0000:0002::1')).toBe('2001:db8:0:2::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('forgets addresses whose failures are over a minute old', () => {
    let now = 0;
    const limiter = new FailedAttemptLimiter({ clock: () => now });
    for (let i = 0; i < 500; i++) limiter.recordFailure(`10.0.${Math.floor(i / 250)}.${i % 250}`);
    expect(limiter.size).toBe(500);
    now = 61_000;
    limiter.recordFailure('10.9.9.9');
    expect(limiter.size).toBe(1);
  });
});
