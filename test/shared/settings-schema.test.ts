// Settings: the stored document, the patch the UI sends, and the repair of values stored before the schema existed.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/errors.js';
import { parseOrThrow } from '../../shared/contract/issues.js';
import { SETTINGS_RANGES } from '../../shared/contract/ranges.js';
import { DEFAULT_SETTINGS, settingsPatchSchema, settingsSchema } from '../../shared/contract/settings.js';
import { repairSettings } from '../../shared/domain/settings-repair.js';

const refusal = (patch: unknown) => {
  try {
    parseOrThrow(settingsPatchSchema, patch);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return `${(error as ApiError).status} ${(error as ApiError).message}`;
  }
  return 'accepted';
};

describe('settings schema', () => {
  it('accepts the defaults and every range end the UI offers', () => {
    expect(settingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
    for (const [group, fields] of Object.entries(SETTINGS_RANGES)) {
      for (const [field, { min, max }] of Object.entries(fields)) {
        expect(refusal({ [group]: { [field]: min } })).toBe('accepted');
        expect(refusal({ [group]: { [field]: max } })).toBe('accepted');
        expect(refusal({ [group]: { [field]: max + 1 } })).toMatch(`400 ${group}.${field} must be a whole number from`);
      }
    }
  });

  it.each([
    [{ receiver: 5 }, '400 receiver must be an object.'],
    [{ retention: 5 }, '400 retention must be an object.'],
    [{ toString: 5 }, '400 toString is not a known field.'],
    [JSON.parse('{"__proto__": {"launchAtLogin": true}}'), '400 __proto__ is not a known field.'],
    [{ constructor: {} }, '400 constructor is not a known field.'],
    [{ retention: { feedEntries: 99 } }, '400 retention.feedEntries must be a whole number from 100 to 5,000,000.'],
    [{ retention: { feedEntries: 1000.5 } }, '400 retention.feedEntries must be a whole number from 100 to 5,000,000.'],
    [{ retention: { feedEntries: '1000' } }, '400 retention.feedEntries must be a whole number from 100 to 5,000,000.'],
    [{ retention: { days: 3 } }, '400 retention.days is not a known field.'],
    [{ notifications: null }, '400 notifications must be an object.'],
    [
      { notifications: { quietHours: { start: '25:00', end: '07:00' } } },
      '400 notifications.quietHours.start must be a time like 22:00.',
    ],
    [{ receiver: { port: 0 } }, '400 receiver.port must be a whole number from 1 to 65,535.'],
    [
      { receiver: { headerName: 'X Secret' } },
      '400 receiver.headerName must be empty or up to 64 letters, digits and dashes.',
    ],
    [{ launchAtLogin: 'yes' }, '400 launchAtLogin must be true or false.'],
    [{ alertsPausedUntil: 'soon' }, '400 alertsPausedUntil must be a date and time, or null.'],
    [{ mapping: { artikel: 'sku' } }, /^400 mapping\.artikel must be one of: operation, catalogId/],
    [JSON.parse('{"mapping": {"__proto__": "name"}}'), '400 mapping.__proto__ is not allowed as a key.'],
    [[], '400 The request must be an object.'],
  ])('%j → %s', (patch, expected) => {
    expect(refusal(patch)).toMatch(expected);
  });

  it('keeps a patch to what was sent: absent fields stay absent', () => {
    expect(parseOrThrow(settingsPatchSchema, { retention: { journalDays: 3 } })).toEqual({
      retention: { journalDays: 3 },
    });
    expect(parseOrThrow(settingsPatchSchema, { mapping: { ' artikel ': 'catalogItemId' } })).toEqual({
      mapping: { artikel: 'catalogItemId' },
    });
  });
});

describe('repairSettings', () => {
  it('leaves valid settings alone', () => {
    expect(repairSettings(DEFAULT_SETTINGS)).toEqual({ settings: DEFAULT_SETTINGS, repaired: [] });
  });

  it('resets each invalid field to its default, keeps the valid ones, and drops unknown keys', () => {
    const stored = {
      ...DEFAULT_SETTINGS,
      mapping: { artikel: 'catalogItemId', preis: 'bogus' },
      retention: { feedEntries: 5, historyPerProduct: 300, journalDays: 14, extra: 1 },
      receiver: 5,
      launchAtLogin: true,
      toString: 5,
    };
    const { settings, repaired } = repairSettings(stored);
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      mapping: { artikel: 'catalogItemId' },
      retention: { ...DEFAULT_SETTINGS.retention, historyPerProduct: 300, journalDays: 14 },
      launchAtLogin: true,
    });
    expect(repaired).toEqual(['mapping.preis', 'retention.feedEntries', 'retention.extra', 'receiver', 'toString']);
  });

  it('replaces settings that are not an object at all', () => {
    expect(repairSettings(null)).toEqual({ settings: DEFAULT_SETTINGS, repaired: ['all settings'] });
  });
});

describe('settings written by an older version', () => {
  it('take the default for a field that did not exist then, without calling it a repair', () => {
    const { receiver, ...rest } = DEFAULT_SETTINGS;
    const { allowList: _new, ...olderReceiver } = receiver;
    expect(repairSettings({ ...rest, receiver: olderReceiver })).toEqual({ settings: DEFAULT_SETTINGS, repaired: [] });
  });

  it('still reset an invalid value of a known field, and say so', () => {
    const stored = { ...DEFAULT_SETTINGS, receiver: { ...DEFAULT_SETTINGS.receiver, allowList: ['not a range'] } };
    expect(repairSettings(stored).repaired).toEqual(['receiver.allowList']);
  });
});
