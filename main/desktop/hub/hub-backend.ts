// Following a hub behind the desktop's one backend interface: feed, products, history and watches are the hub's (the
// follower's API); notifications, the pause and launch at login are this computer's (a local file), so getSettings
// and updateSettings are split between the two; the status carries the hub connection (Status.hub) and this
// computer's pause, and the last one the hub sent is kept so an unreachable hub still shows what it had.
import type { UiApi } from '../../../shared/contract/api.js';
import { parseApiRequest } from '../../../shared/contract/api.js';
import type { UiEvent } from '../../../shared/contract/events.js';
import type { SettingsPatch } from '../../../shared/contract/settings.js';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/contract/settings.js';
import type { HubConnection, Status } from '../../../shared/contract/status.js';
import type { HubFollower } from '../../follower/index.js';
import type { BackendListener, DesktopBackend, EventMeta } from '../backend.js';
import { type DeviceSettingsStore, splitPatch } from './device-settings.js';
import { withHubErrors } from './hub-errors.js';

export interface HubBackendOptions {
  follower: Pick<HubFollower, 'api' | 'subscribe' | 'connection' | 'onConnection' | 'wake' | 'close'>;
  hubUrl: string;
  settings: DeviceSettingsStore;
}

const LIVE: EventMeta = { catchUp: false };
const isEmpty = (patch: SettingsPatch) => Object.keys(patch).length === 0;

export function createHubBackend({ follower, hubUrl, settings }: HubBackendOptions): DesktopBackend {
  const hubApi = withHubErrors(follower.api);
  const listeners = new Set<BackendListener>();
  let lastStatus: Status | null = null;
  let lastHubSettings: Settings | null = null;

  const connection = (): HubConnection => ({ url: hubUrl, ...follower.connection() });
  const merged = (status: Status): Status => ({
    ...status,
    alertsPausedUntil: settings.load().alertsPausedUntil,
    hub: connection(),
  });
  const publishStatus = () => {
    if (!lastStatus) return;
    const event: UiEvent = { type: 'status', status: merged(lastStatus) };
    for (const listener of listeners) listener(event, LIVE);
  };
  const refreshStatus = () =>
    hubApi.status(undefined).then(
      (status) => {
        lastStatus = status;
        publishStatus();
      },
      () => publishStatus(),
    );

  // Every change of the connection reaches the window as a status; once live, the unread count is read again.
  follower.onConnection((state) => {
    if (state.state === 'live') void refreshStatus();
    else publishStatus();
  });

  const api: UiApi = {
    ...hubApi,
    status: async () => {
      try {
        lastStatus = await hubApi.status(undefined);
      } catch (error) {
        if (!lastStatus) throw error;
      }
      return merged(lastStatus);
    },
    getSettings: async () => {
      lastHubSettings = await hubApi.getSettings(undefined);
      return { ...lastHubSettings, ...settings.load() };
    },
    updateSettings: async (request) => {
      const { device, hub } = splitPatch(parseApiRequest('updateSettings', request));
      // The hub's part first: when it is refused or unreachable, nothing is half saved.
      if (!isEmpty(hub)) lastHubSettings = await hubApi.updateSettings(hub);
      const mine = isEmpty(device) ? settings.load() : settings.update(device);
      if (device.alertsPausedUntil !== undefined) publishStatus();
      // A pause from the tray needs no hub: until the hub's settings were read once, its part is the defaults
      // (the tray and the notifier use only this computer's part).
      return { ...(lastHubSettings ?? DEFAULT_SETTINGS), ...mine };
    },
  };

  return {
    api,
    subscribe(listener) {
      listeners.add(listener);
      const stop = follower.subscribe((event, meta) => {
        if (event.type === 'status') {
          lastStatus = event.status;
          listener({ type: 'status', status: merged(event.status) }, meta);
        } else listener(event, meta);
      });
      return () => {
        listeners.delete(listener);
        stop();
      };
    },
    deviceSettings: async () => settings.load(),
    connection,
    onConnection: (listener) => follower.onConnection(() => listener(connection())),
    onCaughtUp: (listener) =>
      follower.onConnection((state) => {
        if (state.state === 'live') listener();
      }),
    wake: () => follower.wake(),
    start: async () => `following the hub at ${hubUrl}`,
    close: () => follower.close(),
  };
}
