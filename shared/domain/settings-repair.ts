// Settings stored before today's schema (or by a bug) may be invalid: `receiver: 5` makes start-up fail, a
// `retention: 5` stops trimming. Repair keeps every valid field and resets each invalid one to its default.
import type { z } from 'zod';
import { DEFAULT_SETTINGS, mappingSchema, type Settings, settingsSchema } from '../contract/settings.js';

export interface SettingsRepair {
  settings: Settings;
  /** the fields reset to their defaults or dropped ("receiver.port", "toString"), empty when all was well */
  repaired: string[];
}

type Loose = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The one function that makes stored settings valid, field by field. */
export function repairSettings(stored: unknown): SettingsRepair {
  const whole = settingsSchema.safeParse(stored);
  if (whole.success) return { settings: whole.data, repaired: [] };
  if (!isPlainObject(stored)) return { settings: structuredClone(DEFAULT_SETTINGS), repaired: ['all settings'] };
  const source = stored;
  const repaired: string[] = [];
  const settings: Loose = {};
  const defaults = DEFAULT_SETTINGS as unknown as Loose;
  for (const [name, schema] of Object.entries(settingsSchema.shape) as [string, z.ZodType][]) {
    const value = Object.hasOwn(source, name) ? source[name] : undefined;
    if (name === 'mapping') settings[name] = repairMapping(value, repaired);
    else if ('shape' in schema && isPlainObject(defaults[name])) {
      settings[name] = repairGroup(name, schema.shape as Record<string, z.ZodType>, value, defaults[name], repaired);
    } else {
      const parsed = schema.safeParse(value);
      settings[name] = parsed.success ? parsed.data : structuredClone(defaults[name]);
      if (!parsed.success) repaired.push(name);
    }
  }
  for (const name of Object.keys(source)) if (!Object.hasOwn(settingsSchema.shape, name)) repaired.push(name);
  return { settings: settings as Settings, repaired };
}

function repairGroup(
  group: string,
  shape: Record<string, z.ZodType>,
  value: unknown,
  defaults: Loose,
  repaired: string[],
): Loose {
  if (!isPlainObject(value)) {
    repaired.push(group);
    return structuredClone(defaults);
  }
  const source = value;
  const result: Loose = {};
  for (const [field, schema] of Object.entries(shape)) {
    // A field an older version did not have yet takes its default without a word: nothing was wrong with it.
    const present = Object.hasOwn(source, field) && source[field] !== undefined;
    const parsed = schema.safeParse(present ? source[field] : undefined);
    result[field] = parsed.success ? parsed.data : structuredClone(defaults[field]);
    if (!parsed.success && present) repaired.push(`${group}.${field}`);
  }
  for (const field of Object.keys(source)) if (!Object.hasOwn(shape, field)) repaired.push(`${group}.${field}`);
  return result;
}

/** The mapping keeps each valid entry: one bad row must not cost the user the others. */
function repairMapping(value: unknown, repaired: string[]): Settings['mapping'] {
  if (!isPlainObject(value)) {
    repaired.push('mapping');
    return {};
  }
  const result: Settings['mapping'] = {};
  for (const [key, field] of Object.entries(value)) {
    const parsed = mappingSchema.safeParse({ [key]: field });
    if (parsed.success) Object.assign(result, parsed.data);
    else repaired.push(`mapping.${key}`);
  }
  return result;
}
