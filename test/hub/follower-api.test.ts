import { describe, expect, it } from 'vitest';
import { hashToken } from '../../main/engine/hub/pairing.js';
import {
  certificateMismatchMessage,
  createHubFollower,
  type HubFollower,
  type HubPairing,
  REVOKED_MESSAGE,
} from '../../main/follower/index.js';
import { makeStatus } from '../fakes/ui-data.js';
import { fakeHubsForEachTest, memoryStore, pairDevice } from './follower-harness.js';

const hubs = fakeHubsForEachTest();
const { cleanups, startHub } = hubs;

function followerFor(pairing: HubPairing): HubFollower {
  const follower = createHubFollower({ ...pairing, lastEventId: memoryStore() });
  cleanups.push(() => follower.close());
  return follower;
}

describe('the UI API through a hub', () => {
  it('calls API_ROUTES with the device token and returns the checked answer', async () => {
    const hub = await startHub();
    const pairing = await pairDevice(hub, hubs.certs.hub.fingerprint);
    const { api } = followerFor(pairing);

    expect(await api.status(undefined)).toEqual(makeStatus());
    const watch = await api.updateWatch({ id: 'w 1', muted: true });
    expect(watch).toMatchObject({ id: 'w 1', muted: true });
    const [, status, patch] = hub.requests;
    expect(status).toMatchObject({ method: 'GET', path: '/api/status' });
    expect(status?.headers.authorization).toBe(`Bearer ${pairing.token}`);
    expect(patch).toMatchObject({ method: 'PATCH', path: '/api/watches/w%201', body: '{"muted":true}' });
    expect(patch?.headers['content-type']).toBe('application/json');
  });

  it("passes on the hub's error, and refuses an answer that is not what this version expects", async () => {
    const hub = await startHub();
    const { api } = followerFor(await pairDevice(hub, hubs.certs.hub.fingerprint));
    await expect(api.product({ key: '1:x' })).rejects.toThrow('No such route GET /api/products/1%3Ax');
    await expect(api.regenerateSecret(undefined)).rejects.toThrow('Only the hub can do that.');
    await expect(api.regenerateSecret(undefined)).rejects.toMatchObject({ status: 403 });
    await expect(api.setup(undefined)).rejects.toThrow(
      /^The hub's answer to setup is not what this app expects \(receiverPort: .+\)\. Are the hub and this app/,
    );
  });

  it('a revoked device: the call fails with "pair again" and the follower is refused', async () => {
    const hub = await startHub();
    const pairing = await pairDevice(hub, hubs.certs.hub.fingerprint);
    const follower = followerFor(pairing);
    await follower.api.status(undefined);
    hub.revoke(pairing.deviceId);
    await expect(follower.api.status(undefined)).rejects.toThrow(REVOKED_MESSAGE);
    expect(follower.connection()).toMatchObject({ state: 'refused', error: REVOKED_MESSAGE });
  });

  it('a wrong pin: refused before any request reaches the server', async () => {
    const hub = await startHub(hubs.certs.other);
    const follower = followerFor({
      hubUrl: hub.url,
      fingerprint: hubs.certs.hub.fingerprint,
      deviceId: 'd1',
      token: 'a'.repeat(43),
    });
    await expect(follower.api.status(undefined)).rejects.toThrow(
      certificateMismatchMessage(hubs.certs.other.fingerprint),
    );
    expect(follower.connection()).toMatchObject({ state: 'refused' });
    expect(hub.requests).toEqual([]);
  });

  it('a hub reinstalled with a new certificate at the same address is refused, never silently accepted', async () => {
    const first = await startHub();
    const pairing = await pairDevice(first, hubs.certs.hub.fingerprint);
    const follower = followerFor(pairing);
    await follower.api.status(undefined);
    const port = first.port;
    await first.close();
    const reinstalled = await startHub(hubs.certs.other, port);
    reinstalled.devices.set(hashToken(pairing.token), { id: 'd1', name: 'x', revoked: false });
    await expect(follower.api.status(undefined)).rejects.toThrow(
      certificateMismatchMessage(hubs.certs.other.fingerprint),
    );
    expect(reinstalled.requests).toEqual([]);
    expect(follower.connection().error).toBe(certificateMismatchMessage(hubs.certs.other.fingerprint));
  });

  it('plain HTTP to this machine (an SSH tunnel to a hub behind a proxy) works without a pin', async () => {
    const hub = await startHub(null);
    const pairing = await pairDevice(hub, null);
    expect(pairing.hubUrl).toMatch(/^http:\/\/127\.0\.0\.1:/);
    expect(await followerFor(pairing).api.status(undefined)).toEqual(makeStatus());
  });
});
