// The hub's remote listener, in process over real TLS: pairing (one-time, expiring, brute-force limited), device
// tokens, admin methods refused to devices, per-device read state, revocation closing open streams at once, and
// the separation from the receiver (neither serves the other's routes).
import https from 'node:https';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEngine } from '../../main/engine/index.js';
import type { Engine } from '../../main/engine/types.js';
import { HubRefusedError, pairWithHub } from '../../main/follower/index.js';
import { type RemoteListening, startRemoteListener } from '../../main/server/remote-listener.js';
import type { AddedDevice } from '../../shared/contract/device.js';
import type { Status } from '../../shared/contract/status.js';
import { request } from '../helpers/http.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const SECRET = 'remote-secret-0123456789abcdef';
const quiet = { info() {}, warn() {}, error() {} };

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

describe('the remote listener', () => {
  let temp = makeTempDir('shelfwatch-remote-');
  let now = Date.parse('2026-12-01T10:00:00Z');
  let engine: Engine;
  let remote: RemoteListening;
  let receiverPort: number;
  let ca: string;

  beforeEach(async () => {
    temp = makeTempDir('shelfwatch-remote-');
    engine = await openEngine({ dataDir: temp.dir, secret: SECRET, receiverPort: 0, clock: () => now });
    receiverPort = (await engine.startReceiver()).port;
    remote = await startRemoteListener(
      engine,
      { port: 0, host: '127.0.0.1', plain: false },
      temp.dir,
      path.join(temp.dir, 'no-ui'),
      quiet,
    );
    ca = (await import('node:fs')).readFileSync(path.join(temp.dir, 'tls', 'cert.pem'), 'utf8');
  });
  afterEach(async () => {
    await remote.listening.close();
    await engine.close();
    temp.remove();
  });

  function call(pathAndQuery: string, init: { token?: string; method?: string; body?: unknown } = {}): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (init.token) headers.authorization = `Bearer ${init.token}`;
      const req = https.request(
        `${remote.url}${pathAndQuery}`,
        { method: init.method ?? 'GET', headers, ca, checkServerIdentity: () => undefined, agent: false },
        (res) => {
          let body = '';
          res.on('data', (chunk) => {
            body += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      if (init.body !== undefined) req.write(JSON.stringify(init.body));
      req.end();
    });
  }

  const pairNew = async (name = 'Laptop') => {
    const added = await engine.api.addDevice({ name });
    return { added, ...(await pairWithHub(added.pairingLink, name)) };
  };

  it('shows its address and certificate in the status and the pairing link', async () => {
    const status: Status = await engine.api.status(undefined);
    expect(status.remote).toEqual({ url: remote.url, fingerprint: remote.fingerprint });
    expect(remote.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const added: AddedDevice = await engine.api.addDevice({ name: 'Phone' });
    expect(added.pairingLink).toBe(
      `shelfwatch://pair?hub=${encodeURIComponent(remote.url)}&code=${added.pairingCode}&fp=${remote.fingerprint}`,
    );
    expect(Date.parse(added.expiresAt) - now).toBe(10 * 60_000);
    expect(await engine.api.listDevices(undefined)).toEqual([
      { id: added.device.id, name: 'Phone', pairedAt: null, lastSeenAt: null, lastAddress: null },
    ]);
  });

  it('tells a device it is one (its id and name), and this computer’s own UI that it is not', async () => {
    const { token, deviceId } = await pairNew('Kitchen tablet');
    const asDevice = JSON.parse((await call('/api/status', { token })).body) as Status;
    expect(asDevice.device).toEqual({ id: deviceId, name: 'Kitchen tablet' });
    expect((await engine.api.status(undefined)).device).toBeNull();
  });

  it('keeps the name typed on the hub; a device added without one names itself', async () => {
    const typed = await engine.api.addDevice({ name: 'Ada’s phone' });
    const unnamed = await engine.api.addDevice({ name: '' });
    for (const added of [typed, unnamed]) {
      const paired = await call('/api/pair', {
        method: 'POST',
        body: { code: added.pairingCode, name: 'Browser on Linux' },
      });
      expect(paired.status).toBe(200);
    }
    const names = (await engine.api.listDevices(undefined)).map((device) => device.name);
    expect(names).toEqual(['Ada’s phone', 'Browser on Linux']);
  });

  it('takes a code once, and only within 10 minutes', async () => {
    const { added, token } = await pairNew();
    expect((await call('/api/status', { token })).status).toBe(200);
    const reused = await call('/api/pair', { method: 'POST', body: { code: added.pairingCode } });
    expect(reused.status).toBe(401);
    const late = await engine.api.addDevice({ name: 'Late' });
    now += 10 * 60_000 + 1;
    expect((await call('/api/pair', { method: 'POST', body: { code: late.pairingCode } })).status).toBe(401);
  });

  it('answers 429 after 10 wrong codes a minute from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await call('/api/pair', { method: 'POST', body: { code: 'AAAA-BBBB-CCCC' } })).status);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
    const blocked = await call('/api/pair', { method: 'POST', body: { code: 'AAAA-BBBB-CCCC' } });
    expect(blocked.headers['retry-after']).toMatch(/^\d+$/);
  });

  it('refuses a pairing link whose fingerprint is not the hub’s certificate, before sending the code', async () => {
    const added = await engine.api.addDevice({ name: 'Laptop' });
    const forged = added.pairingLink.replace(/fp=[0-9a-f]+/, `fp=${'0'.repeat(64)}`);
    await expect(pairWithHub(forged, 'Laptop')).rejects.toBeInstanceOf(HubRefusedError);
    expect((await call('/api/pair', { method: 'POST', body: { code: added.pairingCode } })).status).toBe(200);
  });

  it('refuses admin methods to a device (403), and everything to a missing or wrong token (401)', async () => {
    const { token } = await pairNew();
    expect((await call('/api/devices', { token, method: 'POST', body: { name: 'x' } })).status).toBe(403);
    expect((await call('/api/devices', { token })).status).toBe(403);
    expect((await call('/api/devices/whatever', { token, method: 'DELETE' })).status).toBe(403);
    const secret = await call('/api/settings/secret', { token, method: 'POST' });
    expect(secret.status).toBe(403);
    expect(JSON.parse(secret.body)).toEqual({ error: 'Only the hub itself can do that.', code: 'forbidden' });
    expect((await call('/api/status')).status).toBe(401);
    expect((await call('/api/status', { token: 'not-a-token' })).status).toBe(401);
    expect((await call(`/postback/${SECRET}`, { method: 'POST', body: {} })).status).toBe(404);
  });

  it('refuses every alert-channel method to a device (403): channels hold credentials and send for the hub', async () => {
    const { token } = await pairNew();
    const channel = await engine.api.createChannel({ name: 'Team', url: 'json://127.0.0.1:9/hook' });
    const body = { name: 'Mine', url: 'json://attacker.example/steal' };
    const refused = [
      await call('/api/channels', { token }),
      await call('/api/channels', { token, method: 'POST', body }),
      await call(`/api/channels/${channel.id}`, { token, method: 'PATCH', body: { enabled: false } }),
      await call(`/api/channels/${channel.id}`, { token, method: 'DELETE' }),
      await call(`/api/channels/${channel.id}/test`, { token, method: 'POST' }),
    ];
    expect(refused.map((answer) => answer.status)).toEqual([403, 403, 403, 403, 403]);
    expect((await engine.api.listChannels(undefined)).items).toMatchObject([{ id: channel.id, enabled: true }]);
  });

  it('refuses the partner’s sites to a device (403: they make the hub fetch addresses), not the pages', async () => {
    const { token } = await pairNew();
    expect((await call('/api/sites', { token })).status).toBe(403);
    expect((await call('/api/sites', { token, method: 'POST', body: { url: 'http://127.0.0.1:9/x' } })).status).toBe(
      403,
    );
    expect((await call('/api/sites/scan', { token, method: 'POST' })).status).toBe(403);
    expect((await call('/api/sites/whatever', { token, method: 'DELETE' })).status).toBe(403);
    expect((await call('/api/pages', { token })).status).toBe(200);
  });

  it('refuses a device changes to hub-wide settings (403), and keeps its own preferences open to it', async () => {
    const { token } = await pairNew();
    const before = await engine.api.getSettings(undefined);
    const patch = (body: unknown) => call('/api/settings', { token, method: 'PATCH', body });
    for (const body of [
      { receiver: { port: 9999 } },
      { retention: { journalDays: 9 } },
      { mapping: { ShelfCode: 'catalogItemId' } },
      { retention: { feedEntries: 1_000 }, notifications: { sound: false } },
    ]) {
      const answer = await patch(body);
      expect([answer.status, JSON.parse(answer.body)]).toEqual([
        403,
        {
          error: 'Only the hub itself can change the receiver, the retention or the field mapping.',
          code: 'forbidden',
        },
      ]);
    }
    expect(await engine.api.getSettings(undefined)).toEqual(before); // nothing of a refused patch was applied

    const own = await patch({ notifications: { sound: false }, alertsPausedUntil: null, launchAtLogin: false });
    expect(own.status).toBe(200);
    expect((await engine.api.getSettings(undefined)).notifications.sound).toBe(false);
    // the hub's own UI still changes everything
    await engine.api.updateSettings({ retention: { journalDays: 9 }, mapping: { ShelfCode: 'catalogItemId' } });
    expect((await engine.api.getSettings(undefined)).retention.journalDays).toBe(9);
  });

  it('shows a device how the hub is set up, without the postback secret or the header secret', async () => {
    await engine.api.updateSettings({ receiver: { headerName: 'X-Shelfwatch', headerValue: 'header-secret-123' } });
    const { token } = await pairNew();
    const answer = await call('/api/setup', { token });
    expect(answer.status).toBe(200);
    expect(answer.body).not.toContain(SECRET);
    expect(answer.body).not.toContain('header-secret-123');
    expect(JSON.parse(answer.body)).toMatchObject({ headerName: 'X-Shelfwatch', headerValue: '•••• (set)' });
    expect((await engine.api.setup(undefined)).postbackUrl).toContain(SECRET); // the hub's own UI still sees it
  });

  it('keeps the receiver port free of the API and of device tokens', async () => {
    const { token } = await pairNew();
    const onReceiver = (suffix: string, headers: Record<string, string> = {}) =>
      request(`http://127.0.0.1:${receiverPort}${suffix}`, { headers });
    expect((await onReceiver('/api/status', { authorization: `Bearer ${token}` })).status).toBe(404);
    expect((await onReceiver(`/api/events?token=${token}`)).status).toBe(404);
    expect((await onReceiver('/api/pair')).status).toBe(404);
  });

  it('gives each device its own read state, starting with nothing unread', async () => {
    await request(`http://127.0.0.1:${receiverPort}/postback/${SECRET}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ CatalogId: '1', CatalogItemId: 'A', CurrentPrice: '5' }),
    });
    const { token } = await pairNew();
    const unread = async (t?: string) =>
      t
        ? (JSON.parse((await call('/api/status', { token: t })).body) as Status).unread
        : (await engine.api.status(undefined)).unread;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([await unread(), await unread(token)]).toEqual([1, 0]);
    await request(`http://127.0.0.1:${receiverPort}/postback/${SECRET}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ CatalogId: '1', CatalogItemId: 'A', CurrentPrice: '4' }),
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([await unread(), await unread(token)]).toEqual([2, 1]);
    await call('/api/feed/read', { token, method: 'POST', body: { all: true } });
    expect([await unread(), await unread(token)]).toEqual([2, 0]);
  });

  /** Opens the event stream and closes it as soon as the answer's status is known. */
  const streamStatus = (pathAndQuery: string) =>
    new Promise<number>((resolve, reject) => {
      const req = https.get(`${remote.url}${pathAndQuery}`, { ca, checkServerIdentity: () => undefined, agent: false });
      req.on('response', (res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
    });

  it('opens a device’s event stream with a one-time ticket asked for with its token, never the token in the URL', async () => {
    const { token, deviceId } = await pairNew();
    const ticket = async () => {
      const answer = await call('/api/events/ticket', { token, method: 'POST' });
      expect(answer.status).toBe(200);
      return (JSON.parse(answer.body) as { ticket: string }).ticket;
    };
    expect((await call('/api/events/ticket', { method: 'POST' })).status).toBe(401);
    const first = await ticket();
    expect(await streamStatus(`/api/events?ticket=${first}`)).toBe(200);
    expect(await streamStatus(`/api/events?ticket=${first}`)).toBe(401);
    expect(await streamStatus(`/api/events?token=${token}`)).toBe(401);
    const unused = await ticket();
    await engine.api.revokeDevice({ id: deviceId });
    expect(await streamStatus(`/api/events?ticket=${unused}`)).toBe(401);
  });

  it('on revoke: 401 at the next request and the device’s open event stream closed within a second', async () => {
    const { token, deviceId } = await pairNew();
    const closed = new Promise<number>((resolve, reject) => {
      const req = https.request(
        `${remote.url}/api/events`,
        { headers: { authorization: `Bearer ${token}` }, ca, checkServerIdentity: () => undefined, agent: false },
        (res) => {
          res.resume();
          res.on('end', () => resolve(Date.now()));
          res.on('close', () => resolve(Date.now()));
          void engine.api.revokeDevice({ id: deviceId }).then(() => undefined, reject);
        },
      );
      req.on('error', () => resolve(Date.now()));
      req.end();
    });
    const started = Date.now();
    expect((await closed) - started).toBeLessThan(1_000);
    expect((await call('/api/status', { token })).status).toBe(401);
    expect(await engine.api.listDevices(undefined)).toEqual([]);
  });
});
