// The settings that stay a device's own when it follows a hub (issue 11): its notifications, its alert pause and
// launch at login; every other setting is the hub's. The desktop keeps its part in a file, a browser in its storage.
import type { Settings, SettingsPatch } from '../contract/settings.js';

export const DEVICE_FIELDS = ['notifications', 'alertsPausedUntil', 'launchAtLogin'] as const;
type DeviceField = (typeof DEVICE_FIELDS)[number];
/** What the notifier, the tray and the login item use. */
export type DeviceSettings = Pick<Settings, DeviceField>;

const isDeviceField = (name: string): name is DeviceField => (DEVICE_FIELDS as readonly string[]).includes(name);

/** A parsed patch in two: this device's fields and the hub's. */
export function splitPatch(patch: SettingsPatch): { device: SettingsPatch; hub: SettingsPatch } {
  const device: Record<string, unknown> = {};
  const hub: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(patch)) {
    if (value === undefined) continue; // IPC keeps undefined fields; they change nothing
    (isDeviceField(name) ? device : hub)[name] = value;
  }
  return { device: device as SettingsPatch, hub: hub as SettingsPatch };
}

export function pickDeviceSettings(settings: DeviceSettings): DeviceSettings {
  const { notifications, alertsPausedUntil, launchAtLogin } = settings;
  return { notifications: structuredClone(notifications), alertsPausedUntil, launchAtLogin };
}
