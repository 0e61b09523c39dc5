// A browser paired with a hub keeps its notifications and its alert pause to itself, as the desktop app following a
// hub does (shared/domain/device-settings.ts): in this browser's storage, merged into what the hub answers. Every
// other setting is the hub's. Only the UI API's settings and status pass through here.
import { parseApiRequest, type UiApi } from '../../../shared/contract/api.js';
import { DEFAULT_SETTINGS } from '../../../shared/contract/settings.js';
import type { Status } from '../../../shared/contract/status.js';
import { type DeviceSettings, pickDeviceSettings, splitPatch } from '../../../shared/domain/device-settings.js';
import { repairSettings } from '../../../shared/domain/settings-repair.js';

const STORAGE_KEY = 'shelfwatch.deviceSettings';

export interface BrowserDeviceSettings {
  api: UiApi;
  /** the hub's status as this browser sees it: its own alert pause */
  status(status: Status): Status;
}

export function withBrowserDeviceSettings(hubApi: UiApi, storage: Storage): BrowserDeviceSettings {
  const load = (): DeviceSettings => {
    let stored: unknown = {};
    try {
      stored = JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}');
    } catch {
      // unreadable: the defaults
    }
    const fields = typeof stored === 'object' && stored !== null ? stored : {};
    return pickDeviceSettings(repairSettings({ ...DEFAULT_SETTINGS, ...fields }).settings);
  };
  const status = (hub: Status): Status => ({ ...hub, alertsPausedUntil: load().alertsPausedUntil });
  const api: UiApi = {
    ...hubApi,
    status: async (req) => status(await hubApi.status(req)),
    getSettings: async (req) => ({ ...(await hubApi.getSettings(req)), ...load() }),
    updateSettings: async (request) => {
      const { device, hub } = splitPatch(parseApiRequest('updateSettings', request));
      // The hub's part first: when it is refused or unreachable, nothing is half saved.
      const hubSettings =
        Object.keys(hub).length > 0 ? await hubApi.updateSettings(hub) : await hubApi.getSettings(undefined);
      const current = load();
      const mine = pickDeviceSettings({
        ...current,
        ...device,
        notifications: { ...current.notifications, ...device.notifications },
      } as DeviceSettings);
      storage.setItem(STORAGE_KEY, JSON.stringify(mine));
      return { ...hubSettings, ...mine };
    },
  };
  return { api, status };
}
