// Receiver settings a flag or environment variable sets for this run: the stored value is then only the default.
import type { SettingOverride, Setup } from '../../../shared/contract/setup.js';

export type OverridableSetting = SettingOverride['setting'];

export interface InForce {
  value: string | number;
  setBy: string;
}

/**
 * The value in force and what set it, or null when the stored value is the one in force. For the port, the port the
 * receiver really listens on (a flag of 0 means "any free port").
 */
export function inForce(setup: Pick<Setup, 'overrides' | 'receiverPort'>, setting: OverridableSetting): InForce | null {
  const override = setup.overrides.find((candidate) => candidate.setting === setting);
  if (!override) return null;
  return { value: setting === 'receiver.port' ? setup.receiverPort : override.value, setBy: override.setBy };
}

/** "--receiver-port" is a flag, "SHELFWATCH_RECEIVER_PORT" an environment variable: say when the default applies. */
export function whenDefaultApplies(setBy: string): string {
  return setBy.startsWith('-') ? 'used when the flag is not given' : 'used when that environment variable is not set';
}
