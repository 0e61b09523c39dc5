// The receiver's header value is a secret (secrets/header-value.ts): the settings the UI API answers carry a mask in
// its place, and a settings change carrying one is split: the value goes to the secrets file, the rest to the journal.

import { SECRET_SET_MASK } from '../../../shared/contract/secret-mask.js';
import type { Settings, SettingsPatch } from '../../../shared/contract/settings.js';

/** The settings as every answer shows them: the header value masked when set, '' when not. */
export function maskedSettings(settings: Settings, headerValue: string): Settings {
  return { ...settings, receiver: { ...settings.receiver, headerValue: headerValue ? SECRET_SET_MASK : '' } };
}

/**
 * The new header value in `patch` (undefined: unchanged, also when the mask came back) and the patch without it
 * (null when nothing else is left to journal).
 */
export function splitHeaderValue(patch: SettingsPatch): { headerValue?: string; rest: SettingsPatch | null } {
  if (patch.receiver?.headerValue === undefined) return { rest: patch };
  const { headerValue, ...receiver } = patch.receiver;
  const rest: SettingsPatch = { ...patch, receiver };
  if (Object.keys(receiver).length === 0) delete rest.receiver;
  return {
    headerValue: headerValue === SECRET_SET_MASK ? undefined : headerValue,
    rest: Object.keys(rest).length > 0 ? rest : null,
  };
}
