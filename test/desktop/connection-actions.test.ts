// Settings → Where postbacks arrive, on the main side: following a hub pairs with the link, keeps the token with
// safeStorage (or refuses before using the one-time code), carries this computer's notification settings over and
// restarts into the hub; going back to this computer forgets the token and restarts.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConnectionActions } from '../../main/desktop/hub/connection-actions.js';
import { CHOICE_FILE, loadChoice } from '../../main/desktop/hub/connection-choice.js';
import { deviceSettingsFile } from '../../main/desktop/hub/device-settings.js';
import { deviceTokenFile, hubPaths, lastEventIdFile } from '../../main/desktop/hub/hub-files.js';
import type { HubPairing } from '../../main/follower/index.js';
import { DEFAULT_SETTINGS } from '../../shared/contract/settings.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { silentLog } from './fake-ipc.js';
import { FakeSafeStorage } from './fake-safe-storage.js';

const LINK = `shelfwatch://pair?hub=${encodeURIComponent('https://hub.example:8789')}&code=K7QM-3RXT-9HZC&fp=${'a'.repeat(64)}`;
const PAIRING: HubPairing = {
  hubUrl: 'https://hub.example:8789',
  fingerprint: 'a'.repeat(64),
  deviceId: 'device-1',
  token: 'tOkEn-0123456789abcdefghijklmnopqrstuvwxyz',
};

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('shelfwatch-connection-');
});
afterEach(() => temp.remove());

function actions(
  options: { safeStorage?: FakeSafeStorage; pair?: (link: string, name: string) => Promise<HubPairing> } = {},
) {
  const paired: Array<[string, string]> = [];
  let restarts = 0;
  const safeStorage = options.safeStorage ?? new FakeSafeStorage();
  const handlers = createConnectionActions({
    dataDir: temp.dir,
    platform: 'darwin',
    safeStorage,
    pair: async (link, name) => {
      paired.push([link, name]);
      return options.pair ? options.pair(link, name) : PAIRING;
    },
    scheduleRestart: () => restarts++,
    suggestedDeviceName: 'ada-laptop',
    currentDeviceSettings: async () => ({
      notifications: { ...DEFAULT_SETTINGS.notifications, sound: false },
      alertsPausedUntil: null,
      launchAtLogin: true,
    }),
    log: silentLog,
  });
  return { handlers, paired, restarts: () => restarts, safeStorage };
}

describe('where postbacks arrive', () => {
  it('starts on this computer, and says whether a hub token could be kept', async () => {
    expect(await actions().handlers.get()).toEqual({
      mode: 'local',
      hub: null,
      tokenStorageProblem: null,
      suggestedDeviceName: 'ada-laptop',
    });
    const { handlers } = actions({ safeStorage: new FakeSafeStorage(false) });
    expect((await handlers.get()).tokenStorageProblem).toMatch(/cannot encrypt a hub's device token/);
  });

  it('follows a hub: pairs, keeps the token encrypted, carries the notification settings over, restarts', async () => {
    lastEventIdFile(hubPaths(temp.dir).lastEventId).save('41');
    const { handlers, paired, restarts, safeStorage } = actions();
    await expect(handlers.followHub({ link: LINK, deviceName: '' })).resolves.toEqual({ restarting: true });
    expect(paired).toEqual([[LINK, 'ada-laptop']]);
    expect(deviceTokenFile(temp.dir, safeStorage, 'darwin').load()).toBe(PAIRING.token);
    const onDisk = fs.readdirSync(temp.dir, { recursive: true, encoding: 'utf8' });
    for (const name of onDisk) {
      const file = path.join(temp.dir, name);
      if (fs.statSync(file).isFile()) expect(fs.readFileSync(file, 'utf8')).not.toContain(PAIRING.token);
    }
    expect(loadChoice(temp.dir)).toEqual({
      mode: 'hub',
      hubUrl: 'https://hub.example:8789',
      fingerprint: 'a'.repeat(64),
      deviceId: 'device-1',
      deviceName: 'ada-laptop',
    });
    expect(deviceSettingsFile(hubPaths(temp.dir).deviceSettings).load()).toMatchObject({
      notifications: { sound: false },
      launchAtLogin: true,
    });
    // a new device on the hub: its stream starts from now, not from another pairing's position
    expect(lastEventIdFile(hubPaths(temp.dir).lastEventId).load()).toBeNull();
    expect(restarts()).toBe(1);
    expect(await handlers.get()).toMatchObject({ mode: 'hub', hub: { url: PAIRING.hubUrl, deviceName: 'ada-laptop' } });
  });

  it('refuses to follow a hub without encryption, before the one-time code is used', async () => {
    const { handlers, paired, restarts } = actions({ safeStorage: new FakeSafeStorage(false) });
    await expect(handlers.followHub({ link: LINK, deviceName: 'Laptop' })).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/cannot encrypt a hub's device token, and it does not keep it unencrypted/),
    });
    expect([paired, restarts(), fs.existsSync(path.join(temp.dir, CHOICE_FILE))]).toEqual([[], 0, false]);
  });

  it('passes on why pairing failed, and stays on this computer', async () => {
    const wrongCode = 'This pairing code is wrong, already used or expired. Ask for a new one in Settings → Devices.';
    const { handlers, restarts } = actions({
      pair: async () => {
        throw new Error(wrongCode);
      },
    });
    await expect(handlers.followHub({ link: LINK, deviceName: 'Laptop' })).rejects.toMatchObject({
      message: wrongCode,
    });
    expect([restarts(), loadChoice(temp.dir)]).toEqual([0, { mode: 'local' }]);
  });

  it('goes back to this computer: forgets the token and restarts', async () => {
    const { handlers, restarts, safeStorage } = actions();
    await handlers.followHub({ link: LINK, deviceName: 'Laptop' });
    await expect(handlers.useThisComputer()).resolves.toEqual({ restarting: true });
    expect(loadChoice(temp.dir)).toEqual({ mode: 'local' });
    expect(deviceTokenFile(temp.dir, safeStorage, 'darwin').load()).toBeNull();
    expect(restarts()).toBe(2);
    await expect(handlers.useThisComputer()).resolves.toEqual({ restarting: false });
  });
});
