// Following a hub behind the desktop's backend interface: settings split between the hub and this computer (only
// the hub's part goes to the hub; a pause from the tray needs no hub), the last status kept while the hub cannot be
// reached, and the hub's errors as the window shows them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deviceSettingsFile } from '../../main/desktop/hub/device-settings.js';
import { createHubBackend } from '../../main/desktop/hub/hub-backend.js';
import { hubPaths } from '../../main/desktop/hub/hub-files.js';
import { HubRefusedError, REVOKED_MESSAGE } from '../../main/follower/index.js';
import type { SettingsPatch } from '../../shared/contract/settings.js';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/contract/settings.js';
import type { Status } from '../../shared/contract/status.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { FakeFollower } from './fake-follower.js';

const HUB = 'https://hub.example:8789';
const UNREACHABLE = new Error('Cannot reach the hub at hub.example:8789: ECONNREFUSED');

let temp: ReturnType<typeof makeTempDir>;
let follower: FakeFollower;
let hubSettings: Settings;
let hubPatches: SettingsPatch[];
let hubDown: boolean;

beforeEach(() => {
  temp = makeTempDir('shelfwatch-hub-backend-');
  follower = new FakeFollower();
  hubSettings = { ...DEFAULT_SETTINGS, retention: { ...DEFAULT_SETTINGS.retention, journalDays: 30 } };
  hubPatches = [];
  hubDown = false;
  const up = () => {
    if (hubDown) throw UNREACHABLE;
  };
  follower.api.getSettings = async () => {
    up();
    return structuredClone(hubSettings);
  };
  follower.api.updateSettings = async (patch) => {
    up();
    hubPatches.push(patch);
    if (patch.receiver) throw Object.assign(new Error('x'), { status: 403 });
    return structuredClone(hubSettings);
  };
  follower.api.status = async () => {
    up();
    return { unread: 7, alertsPausedUntil: null, device: { id: 'd1', name: 'Ada' } } as Status;
  };
});
afterEach(() => temp.remove());

const backend = () =>
  createHubBackend({ follower, hubUrl: HUB, settings: deviceSettingsFile(hubPaths(temp.dir).deviceSettings) });

describe('a followed hub behind the backend interface', () => {
  it('answers settings from both: the hub’s, and this computer’s notifications, pause and launch at login', async () => {
    const api = backend().api;
    const quiet = { start: '22:00', end: '07:00' };
    const saved = await api.updateSettings({
      notifications: { quietHours: quiet },
      launchAtLogin: true,
      retention: { journalDays: 9 },
    });
    expect(hubPatches).toEqual([{ retention: { journalDays: 9 } }]);
    expect(saved).toMatchObject({ launchAtLogin: true, notifications: { quietHours: quiet, enabled: true } });
    expect(await api.getSettings(undefined)).toMatchObject({
      retention: { journalDays: 30 },
      launchAtLogin: true,
      notifications: { quietHours: quiet },
    });
  });

  it('pauses alerts without asking the hub, even while it cannot be reached', async () => {
    hubDown = true;
    const until = '2030-01-01T08:00:00.000Z';
    await expect(backend().api.updateSettings({ alertsPausedUntil: until })).resolves.toMatchObject({
      alertsPausedUntil: until,
    });
    expect(hubPatches).toEqual([]);
  });

  it('saves nothing of a patch the hub refuses', async () => {
    const api = backend().api;
    await expect(api.updateSettings({ launchAtLogin: true, receiver: { port: 9000 } })).rejects.toBeDefined();
    expect((await backend().deviceSettings()).launchAtLogin).toBe(false);
  });

  it('keeps answering the last status (with the connection) while the hub cannot be reached', async () => {
    const following = backend();
    expect(await following.api.status(undefined)).toMatchObject({ unread: 7, hub: { url: HUB, state: 'connecting' } });
    hubDown = true;
    const since = '2026-01-15T10:32:00.000Z';
    follower.setConnection({ state: 'unreachable', since, error: UNREACHABLE.message });
    expect(await following.api.status(undefined)).toMatchObject({ unread: 7, hub: { state: 'unreachable', since } });
  });

  it('says why a hub request failed: unreachable (503), revoked (401, pair again in Settings)', async () => {
    hubDown = true;
    await expect(backend().api.status(undefined)).rejects.toMatchObject({ status: 503, message: UNREACHABLE.message });
    follower.api.feed = async () => {
      throw new HubRefusedError(REVOKED_MESSAGE, 'revoked');
    };
    await expect(backend().api.feed({})).rejects.toMatchObject({
      status: 401,
      message: "This device's access was revoked on the hub. Pair again in Settings.",
    });
  });
});
