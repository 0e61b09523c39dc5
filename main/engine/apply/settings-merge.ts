// Merges a validated settings patch: nested groups merge field by field; `null` clears a nullable group.
import type { Settings, SettingsPatch } from '../../../shared/contract/settings.js';

export function mergeSettings(current: Settings, patch: SettingsPatch): Settings {
  const next = structuredClone(current) as unknown as Record<string, unknown>;
  for (const [name, value] of Object.entries(patch)) {
    const old = next[name];
    const mergeable = isPlainObject(old) && isPlainObject(value) && name !== 'mapping';
    next[name] = mergeable ? { ...old, ...value } : value;
  }
  return next as unknown as Settings;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
