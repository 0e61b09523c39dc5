// Following a hub, notifications, the alert pause and launch at login stay this computer's own (issue 11): kept in a
// small file in the user-data folder, while every other setting is the hub's (shared/domain/device-settings.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { SettingsPatch } from '../../../shared/contract/settings.js';
import { DEFAULT_SETTINGS } from '../../../shared/contract/settings.js';
import { type DeviceSettings, pickDeviceSettings, splitPatch } from '../../../shared/domain/device-settings.js';
import { repairSettings } from '../../../shared/domain/settings-repair.js';
import { DIR_MODE, FILE_MODE, mergeSettings } from '../../engine/index.js';

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
