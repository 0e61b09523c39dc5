import { describe, expect, it } from 'vitest';
import { hashToken, pairingLink } from '../../main/engine/hub/pairing.js';
import { certificateMismatchMessage, pairWithHub } from '../../main/follower/index.js';
import { fakeHubsForEachTest } from './follower-harness.js';

const hubs = fakeHubsForEachTest();

const CODE = 'K7QM-3RXT-9HZC';

describe('pairing with a hub', () => {
  it('trades the code for a device token over TLS pinned to the link, sending the device name', async () => {
    const hub = await hubs.startHub(hubs.certs.hub);
    hub.codes.add(CODE);
    const link = pairingLink({ hubUrl: hub.url, code: CODE, fingerprint: hubs.certs.hub.fingerprint });
    const pairing = await pairWithHub(link, 'Office laptop');
    expect(pairing).toEqual({
      hubUrl: hub.url,
      fingerprint: hubs.certs.hub.fingerprint,
      deviceId: 'd1',
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(hub.devices.get(hashToken(pairing.token))).toEqual({ id: 'd1', name: 'Office laptop', revoked: false });
    expect(hub.requests).toHaveLength(1);
    expect(hub.requests[0]).toMatchObject({ method: 'POST', path: '/api/pair' });
    expect(JSON.parse(hub.requests[0]?.body ?? '')).toEqual({ code: CODE, name: 'Office laptop' });
  });

  it('a used or wrong code: the hub says why', async () => {
    const hub = await hubs.startHub(hubs.certs.hub);
    hub.codes.add(CODE);
    const link = pairingLink({ hubUrl: hub.url, code: CODE, fingerprint: hubs.certs.hub.fingerprint });
    await pairWithHub(link, 'A');
    await expect(pairWithHub(link, 'B')).rejects.toThrow('This pairing code is wrong, used or expired.');
  });

  it('refuses a hub with another certificate before sending anything: the code never leaves this machine', async () => {
    const hub = await hubs.startHub(hubs.certs.other);
    hub.codes.add(CODE);
    const link = pairingLink({ hubUrl: hub.url, code: CODE, fingerprint: hubs.certs.hub.fingerprint });
    await expect(pairWithHub(link, 'Laptop')).rejects.toThrow(certificateMismatchMessage(hubs.certs.other.fingerprint));
    expect(certificateMismatchMessage(hubs.certs.other.fingerprint)).toBe(
      `The hub presented a different certificate (fingerprint ${hubs.certs.other.fingerprint}). ` +
        'If the hub was reinstalled, pair again.',
    );
    expect(hub.requests).toEqual([]);
    expect(hub.codes.has(CODE)).toBe(true);
  });

  it('without a fingerprint the certificate must be valid for the usual authorities: a self-signed one is refused', async () => {
    const hub = await hubs.startHub(hubs.certs.hub);
    hub.codes.add(CODE);
    const link = pairingLink({ hubUrl: hub.url, code: CODE, fingerprint: null });
    await expect(pairWithHub(link, 'Laptop')).rejects.toThrow(
      /Cannot reach the hub at 127\.0\.0\.1:\d+: .*SELF_SIGNED/,
    );
    expect(hub.requests).toEqual([]);
  });

  it('after 10 wrong codes from this address: 429, and the message says when to try again', async () => {
    const hub = await hubs.startHub(hubs.certs.hub);
    hub.codes.add(CODE);
    const wrong = pairingLink({ hubUrl: hub.url, code: 'AAAA-BBBB-CCCC', fingerprint: hubs.certs.hub.fingerprint });
    for (let i = 0; i < 10; i++) await expect(pairWithHub(wrong, 'x')).rejects.toThrow(/wrong, used or expired/);
    const right = pairingLink({ hubUrl: hub.url, code: CODE, fingerprint: hubs.certs.hub.fingerprint });
    await expect(pairWithHub(right, 'x')).rejects.toThrow(
      /^Too many wrong pairing codes from this address\. Try again in \d+ s\.$/,
    );
    expect(hub.codes.has(CODE)).toBe(true); // a blocked address does not even get its code checked
  });

  it('a link that is not a pairing link is refused without any connection', async () => {
    await expect(pairWithHub('https://hub.example.net', 'x')).rejects.toThrow('This is not a Shelfwatch pairing link.');
  });
});
