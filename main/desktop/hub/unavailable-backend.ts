// Following a hub without a usable device token (the keychain is locked or gone, the file was damaged): nothing can
// be asked of the hub, and the window and the tray say why and to pair again. This computer's settings still work.
import { mapUiApi } from '../../../shared/contract/api.js';
import { ApiError } from '../../../shared/contract/errors.js';
import type { HubConnection } from '../../../shared/contract/status.js';
import type { DesktopBackend } from '../backend.js';
import type { DeviceSettingsStore } from './device-settings.js';

export function unavailableHubBackend(hubUrl: string, problem: string, settings: DeviceSettingsStore): DesktopBackend {
  const reason = `${problem.replace(/\.$/, '')}. Pair again in Settings → Where postbacks arrive.`;
  const since = new Date().toISOString();
  const connection: HubConnection = { url: hubUrl, state: 'refused', since, error: problem };
  return {
    api: mapUiApi(async () => Promise.reject(new ApiError(503, reason))),
    subscribe: () => () => {},
    deviceSettings: async () => settings.load(),
    connection: () => connection,
    onConnection: () => () => {},
    onCaughtUp: () => () => {},
    wake: () => {},
    start: async () => `not following the hub at ${hubUrl}: ${problem}`,
    close: async () => {},
  };
}
