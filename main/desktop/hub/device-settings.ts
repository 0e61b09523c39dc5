// Following a hub, notifications, the alert pause and launch at login stay this computer's own (issue 11): kept in a
// small file in the user-data folder, while every other setting is the hub's.
import fs from 'node:fs';
import path from 'node:path';
import type { SettingsPatch } from '../../../shared/contract/settings.js';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/contract/settings.js';
import { repairSettings } from '../../../shared/domain/settings-repair.js';
import { mergeSettings } from '../../engine/apply/settings-merge.js';
import { DIR_MODE, FILE_MODE } from '../../engine/file-system.js';

export const DEVICE_FIELDS = ['notifications', 'alertsPausedUntil', 'launchAtLogin'] as const;
type DeviceField = (typeof DEVICE_FIELDS)[number];
/** What the notifier, the tray and the login item use. */
export type DeviceSettings = Pick<Settings, DeviceField>;

const isDeviceField = (name: string): name is DeviceField => (DEVICE_FIELDS as readonly string[]).includes(name);

/** A parsed patch in two: this computer's fields and the hub's. */
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

export interface DeviceSettingsStore {
  load(): DeviceSettings;
  exists(): boolean;
  save(settings: DeviceSettings): void;
  /** merges a parsed patch of this computer's fields; returns the result */
  update(patch: SettingsPatch): DeviceSettings;
}

export function deviceSettingsFile(file: string): DeviceSettingsStore {
  const load = (): DeviceSettings => {
    let stored: unknown = {};
    try {
      stored = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      // missing or unreadable: the defaults
    }
    const fields = typeof stored === 'object' && stored !== null ? stored : {};
    // invalid fields fall back to their defaults, like the engine's stored settings
    return pickDeviceSettings(repairSettings({ ...DEFAULT_SETTINGS, ...fields }).settings);
  };
  const save = (settings: DeviceSettings) => {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: DIR_MODE });
    fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(pickDeviceSettings(settings), null, 2)}\n`, { mode: FILE_MODE });
    fs.renameSync(`${file}.tmp`, file);
  };
  return {
    load,
    save,
    exists: () => fs.existsSync(file),
    update(patch) {
      const next = pickDeviceSettings(mergeSettings({ ...DEFAULT_SETTINGS, ...load() }, splitPatch(patch).device));
      save(next);
      return next;
    },
  };
}
