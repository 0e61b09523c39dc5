// Each setting the form edits, by its path in the settings ("retention.feedEntries"): the label the form shows, the
// one every error names (never the path), and which fields are wrong right now, for the fields to highlight.
import { createContext, useContext } from 'react';
import { type NumberRange, SETTINGS_RANGES, wholeNumberText } from '../../../../shared/contract/ranges.js';
import type { Settings } from '../../../../shared/contract/settings.js';

export const SETTING_LABELS = {
  'notifications.digestWindowSeconds': 'Digest window (seconds)',
  'notifications.quietHours': 'Quiet hours',
  'retention.feedEntries': 'Feed entries',
  'retention.historyPerProduct': 'History points per product',
  'retention.journalDays': 'Raw postbacks (days)',
  'receiver.host': 'Host',
  'receiver.port': 'Port',
  'receiver.headerName': 'Header name (optional)',
  'receiver.headerValue': 'Header value',
  'receiver.allowList': 'Allowed senders (optional)',
  mapping: 'Field mapping',
} as const;

export type SettingPath = keyof typeof SETTING_LABELS;

/** The props a field needs to show a setting: its label, and its path so it can be highlighted. */
export const settingField = (setting: SettingPath) => ({ label: SETTING_LABELS[setting], setting });

export interface FieldProblem {
  setting: SettingPath;
  /** "Feed entries must be a whole number from 100 to 5,000,000." */
  message: string;
}

const NUMBER_FIELDS: Array<[SettingPath, NumberRange, (settings: Settings) => number]> = [
  [
    'notifications.digestWindowSeconds',
    SETTINGS_RANGES.notifications.digestWindowSeconds,
    (s) => s.notifications.digestWindowSeconds,
  ],
  ['retention.feedEntries', SETTINGS_RANGES.retention.feedEntries, (s) => s.retention.feedEntries],
  ['retention.historyPerProduct', SETTINGS_RANGES.retention.historyPerProduct, (s) => s.retention.historyPerProduct],
  ['retention.journalDays', SETTINGS_RANGES.retention.journalDays, (s) => s.retention.journalDays],
  ['receiver.port', SETTINGS_RANGES.receiver.port, (s) => s.receiver.port],
];

/** The number fields of a draft that the API would refuse, before it is sent. */
export function outOfRange(draft: Settings): FieldProblem[] {
  return NUMBER_FIELDS.flatMap(([setting, range, read]) => {
    const value = read(draft);
    const fits = Number.isInteger(value) && value >= range.min && value <= range.max;
    return fits ? [] : [{ setting, message: `${SETTING_LABELS[setting]} must be ${wholeNumberText(range)}.` }];
  });
}

/** The API's refusal ("receiver.allowList.2 must be an address range…") with the field's label for its path. */
export function problemOfMessage(message: string): FieldProblem | null {
  const paths = (Object.keys(SETTING_LABELS) as SettingPath[]).sort((a, b) => b.length - a.length);
  const setting = paths.find((path) => message.startsWith(`${path} `) || message.startsWith(`${path}.`));
  if (!setting) return null;
  const rest = message.slice(setting.length).replace(/^\.\S+/, '');
  return { setting, message: `${SETTING_LABELS[setting]}${rest}` };
}

/** The settings that are wrong right now: their fields are highlighted. */
export const InvalidSettings = createContext<ReadonlySet<string>>(new Set());

export function useIsInvalid(setting: SettingPath | undefined): boolean {
  const invalid = useContext(InvalidSettings);
  return setting !== undefined && invalid.has(setting);
}
