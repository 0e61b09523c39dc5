// Save sends only the groups the user changed: a device following a hub may not change the receiver (403), and a
// group nobody touched should not overwrite a change made meanwhile elsewhere (another device, the tray's pause).
// The header value the hub masks is left out unless the user typed a new one or removed it.

import { SECRET_SET_MASK } from '../../../../shared/contract/secret-mask.js';
import type { Settings, SettingsPatch } from '../../../../shared/contract/settings.js';

const FORM_GROUPS = ['mapping', 'notifications', 'launchAtLogin', 'retention', 'receiver'] as const;

export function changedGroups(saved: Settings, draft: Settings): SettingsPatch {
  const patch: Record<string, unknown> = {};
  for (const group of FORM_GROUPS) {
    if (!sameValue(saved[group], draft[group])) patch[group] = draft[group];
  }
  if (draft.receiver.headerValue === SECRET_SET_MASK && patch.receiver) {
    const { headerValue: _unchanged, ...receiver } = draft.receiver;
    patch.receiver = receiver;
  }
  return patch as SettingsPatch;
}

/** Structural equality, whatever order the keys were set in. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}
