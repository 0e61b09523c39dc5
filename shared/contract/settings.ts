// Settings: the complete document (what is stored and what getSettings answers) and the patch the UI sends.
// Groups are strict: an unknown key, a prototype key ("__proto__", "constructor", "toString") or a wrong type is
// refused with the field's name, before anything is journaled.
import { z } from 'zod';
import { CANONICAL_FIELDS } from './enums.js';
import { type NumberRange, SETTINGS_RANGES, wholeNumberText } from './ranges.js';

/** Key names that could reach Object.prototype through a careless consumer. */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
export const MAX_MAPPING_ENTRIES = 200;

export function wholeNumber(range: NumberRange) {
  const error = `must be ${wholeNumberText(range)}`;
  return z.int({ error }).min(range.min, { error }).max(range.max, { error });
}

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time like 22:00' });

export const quietHoursSchema = z.strictObject({ start: clockTime, end: clockTime });

const notificationsShape = {
  enabled: z.boolean(),
  digestWindowSeconds: wholeNumber(SETTINGS_RANGES.notifications.digestWindowSeconds),
  quietHours: quietHoursSchema.nullable(),
  sound: z.boolean(),
};

const retentionShape = {
  feedEntries: wholeNumber(SETTINGS_RANGES.retention.feedEntries),
  historyPerProduct: wholeNumber(SETTINGS_RANGES.retention.historyPerProduct),
  journalDays: wholeNumber(SETTINGS_RANGES.retention.journalDays),
};

const receiverShape = {
  host: z.string().regex(/^[\w.:-]{1,253}$/, { error: 'must be a host name or IP address, e.g. 127.0.0.1' }),
  port: wholeNumber(SETTINGS_RANGES.receiver.port),
  headerName: z
    .string()
    .regex(/^([A-Za-z0-9-]{1,64})?$/, { error: 'must be empty or up to 64 letters, digits and dashes' }),
  headerValue: z
    .string()
    .max(256)
    .regex(/^[^\p{Cc}]*$/u, { error: 'must not contain control characters' }),
  /**
   * Sender address ranges the receiver answers (CIDR, e.g. impact.com's published ranges); empty: anyone with the
   * secret. A request from outside gets the same 404 as a wrong secret.
   */
  allowList: z
    .array(z.string().trim().refine(isCidr, { error: 'must be an address range like 203.0.113.0/24 or 2001:db8::/32' }))
    .max(100, { error: 'must be a list of at most 100 ranges' }),
};

const mappingKey = z.string().trim().min(1).max(100, { error: 'must be at most 100 characters' });
const mappingRecord = z.record(
  mappingKey,
  z.enum(CANONICAL_FIELDS, { error: `must be one of: ${CANONICAL_FIELDS.join(', ')}` }),
);

/** Incoming key → canonical field. Checked before zod's record, which would silently drop a "__proto__" key. */
export const mappingSchema = z.preprocess((value: z.input<typeof mappingRecord>, context) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (keys.length > MAX_MAPPING_ENTRIES) {
    context.issues.push({ code: 'custom', input: value, message: `must have at most ${MAX_MAPPING_ENTRIES} entries` });
  }
  for (const key of keys.filter((name) => PROTOTYPE_KEYS.has(name.trim()))) {
    context.issues.push({ code: 'custom', input: value, path: [key], message: 'is not allowed as a key' });
  }
  return value;
}, mappingRecord);

const alertsPausedUntil = z
  .string()
  .max(40)
  .refine((text) => !Number.isNaN(Date.parse(text)), { error: 'must be a date and time, or null' })
  .nullable();

export const settingsSchema = z.strictObject({
  mapping: mappingSchema,
  notifications: z.strictObject(notificationsShape),
  launchAtLogin: z.boolean(),
  retention: z.strictObject(retentionShape),
  receiver: z.strictObject(receiverShape),
  alertsPausedUntil,
});

/** Each group merges field by field; the mapping is replaced whole (it is the complete list of overrides). */
export const settingsPatchSchema = z.strictObject({
  mapping: mappingSchema.optional(),
  notifications: z.strictObject(notificationsShape).partial().optional(),
  launchAtLogin: z.boolean().optional(),
  retention: z.strictObject(retentionShape).partial().optional(),
  receiver: z.strictObject(receiverShape).partial().optional(),
  alertsPausedUntil: alertsPausedUntil.optional(),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
export type QuietHours = z.infer<typeof quietHoursSchema>;

export const DEFAULT_SETTINGS: Settings = {
  mapping: {},
  notifications: { enabled: true, digestWindowSeconds: 10, quietHours: null, sound: true },
  launchAtLogin: false,
  retention: { feedEntries: 200_000, historyPerProduct: 200, journalDays: 7 },
  receiver: { host: '127.0.0.1', port: 8787, headerName: '', headerValue: '', allowList: [] },
  alertsPausedUntil: null,
};

/** "203.0.113.0/24", "2001:db8::/32", or a single address (a /32 or /128). */
export function isCidr(text: string): boolean {
  const [address = '', bits, extra] = text.split('/');
  if (extra !== undefined) return false;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  const maxBits = v4 ? 32 : /^[0-9a-f:]+$/i.test(address) && address.includes(':') ? 128 : 0;
  if (maxBits === 0 || v4?.slice(1).some((part) => Number(part) > 255)) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
}
