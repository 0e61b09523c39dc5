// What the desktop shows at start: this computer's engine (with the impact.com credentials kept by safeStorage), or
// the hub chosen in Settings, followed with the stored token and resuming from the stored last event id; a token
// that cannot be read leaves the app up, saying to pair again.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveChoice } from '../../main/desktop/hub/connection-choice.js';
import { deviceTokenFile, hubPaths, lastEventIdFile } from '../../main/desktop/hub/hub-files.js';
import { openDesktopBackend } from '../../main/desktop/open-backend.js';
import type { EngineOptions } from '../../main/engine/types.js';
import type { HubFollowerOptions } from '../../main/follower/index.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { FakeEngine } from './fake-app.js';
import { FakeFollower } from './fake-follower.js';
import { silentLog } from './fake-ipc.js';
import { FakeSafeStorage } from './fake-safe-storage.js';

const HUB = { hubUrl: 'https://hub.example:8789', fingerprint: 'b'.repeat(64), deviceId: 'd1', deviceName: 'Ada' };
const TOKEN = 'tOkEn-0123456789abcdefghijklmnopqrstuvwxyz';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('shelfwatch-open-');
});
afterEach(() => temp.remove());

function open(safeStorage = new FakeSafeStorage()) {
  const engines: EngineOptions[] = [];
  const followers: HubFollowerOptions[] = [];
  const follower = new FakeFollower();
  const backend = openDesktopBackend(
    { dataDir: temp.dir, log: silentLog },
    {
      platform: 'darwin',
      safeStorage,
      openEngine: async (options) => {
        engines.push(options);
        return new FakeEngine();
      },
      createFollower: (options) => {
        followers.push(options);
        return follower;
      },
    },
  );
  return { backend, engines, followers, follower };
}

describe('choosing the backend at start', () => {
  it('opens this computer’s engine by default, with the impact.com credentials in safeStorage', async () => {
    const { backend, engines, followers } = open();
    const started = await backend;
    expect(engines.map((options) => options.dataDir)).toEqual([temp.dir]);
    expect(followers).toEqual([]);
    expect(started.connection()).toBeNull();
    await expect(started.start()).resolves.toBe('receiver listening on 127.0.0.1:8787');
    const credentials = engines[0]?.impact?.credentials;
    credentials?.save({ accountSid: 'IRabc12345', authToken: 'auth-token-secret' });
    expect(credentials?.load()).toEqual({ accountSid: 'IRabc12345', authToken: 'auth-token-secret' });
  });

  it('keeps the alert channels’ URLs with safeStorage, and refuses to keep them without a keychain', async () => {
    const { backend, engines } = open();
    await backend;
    const secrets = engines[0]?.channels?.secrets;
    const stored = { c1: { url: 'slack://T0123/B0456/channel-secret-token' } };
    secrets?.save({ c1: { url: stored.c1.url } });
    expect(secrets?.load()).toEqual({ c1: { url: stored.c1.url } });
    for (const name of fs.readdirSync(temp.dir)) {
      expect(fs.readFileSync(path.join(temp.dir, name)).includes('channel-secret-token'), name).toBe(false);
    }
    const locked = open(new FakeSafeStorage(false));
    await locked.backend;
    expect(() => locked.engines[0]?.channels?.secrets?.save({ c2: { url: 'json://127.0.0.1:9/x' } })).toThrow(
      /cannot encrypt the alert channels’ addresses, and it does not keep it unencrypted/,
    );
  });

  it('follows the chosen hub with its stored token, resuming after the stored last event id', async () => {
    const safeStorage = new FakeSafeStorage();
    saveChoice(temp.dir, { mode: 'hub', ...HUB });
    deviceTokenFile(temp.dir, safeStorage, 'darwin').save(TOKEN);
    lastEventIdFile(hubPaths(temp.dir).lastEventId).save('1234');
    const { backend, engines, followers, follower } = open(safeStorage);
    const started = await backend;
    expect(engines).toEqual([]);
    expect(followers).toMatchObject([{ hubUrl: HUB.hubUrl, fingerprint: HUB.fingerprint, token: TOKEN }]);
    expect(followers[0]?.lastEventId.load()).toBe('1234');
    expect(started.connection()).toEqual({ url: HUB.hubUrl, state: 'connecting', since: null, error: null });
    started.wake();
    await started.close();
    expect(follower.calls).toEqual(['wake', 'close']);
  });

  it('stays up without a readable token, saying why and to pair again', async () => {
    saveChoice(temp.dir, { mode: 'hub', ...HUB });
    deviceTokenFile(temp.dir, new FakeSafeStorage(), 'darwin').save(TOKEN);
    const { backend, followers, engines } = open(new FakeSafeStorage(false));
    const started = await backend;
    expect([followers, engines]).toEqual([[], []]);
    expect(started.connection()).toMatchObject({
      state: 'refused',
      error: expect.stringMatching(/could not be decrypted/),
    });
    await expect(started.api.feed({})).rejects.toMatchObject({
      status: 503,
      message: expect.stringMatching(/Pair again in Settings → Where postbacks arrive\.$/),
    });
    await expect(started.deviceSettings()).resolves.toMatchObject({ launchAtLogin: false });
  });
});
