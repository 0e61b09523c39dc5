// Receiver settings given on the command line or in the environment win over the stored ones; the UI says so.
import type { SettingOverride } from '../../shared/contract/setup.js';
import type { EngineOptions } from './types.js';

export function settingOverrides(options: EngineOptions): SettingOverride[] {
  const overrides: SettingOverride[] = [];
  if (options.receiverHost !== undefined) {
    overrides.push({
      setting: 'receiver.host',
      value: options.receiverHost,
      setBy: options.setBy?.receiverHost ?? 'the app',
    });
  }
  if (options.receiverPort !== undefined) {
    overrides.push({
      setting: 'receiver.port',
      value: options.receiverPort,
      setBy: options.setBy?.receiverPort ?? 'the app',
    });
  }
  return overrides;
}
