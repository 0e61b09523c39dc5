// Checks what the UI sends before it is journaled: the journal holds only commands that apply cleanly.
import type { SettingsPatch, WatchInput, WatchPatch } from '../../../shared/api.js';
import {
  CANONICAL_FIELDS,
  DEFAULT_SETTINGS,
  RULE_KINDS,
  VALUED_RULE_KINDS,
  type WatchRule,
} from '../../../shared/model.js';
import { ApiError } from './api-error.js';

const CANONICAL: ReadonlySet<string> = new Set(CANONICAL_FIELDS);

export function validateWatchInput(input: WatchInput): WatchInput {
  const target = input?.target;
  const catalogId = String(target?.catalogId ?? '').trim();
  const catalogItemId = String(target?.catalogItemId ?? '').trim();
  if (!/^\d{1,20}$/.test(catalogId)) throw new ApiError(400, 'The catalog id must be a number, e.g. 24836.');
  if (!catalogItemId || catalogItemId.length > 200) throw new ApiError(400, 'Enter the item id (CatalogItemId).');
  return { target: { catalogId, catalogItemId }, rules: validateRules(input.rules), muted: input.muted === true };
}

export function validateWatchPatch(patch: WatchPatch): WatchPatch {
  const result: WatchPatch = {};
  if (patch.rules !== undefined) result.rules = validateRules(patch.rules);
  if (patch.muted !== undefined) {
    if (typeof patch.muted !== 'boolean') throw new ApiError(400, '`muted` must be true or false.');
    result.muted = patch.muted;
  }
  return result;
}

function validateRules(rules: unknown): WatchRule[] {
  if (!Array.isArray(rules) || rules.length === 0) throw new ApiError(400, 'A watch needs at least one rule.');
  if (rules.length > 20) throw new ApiError(400, 'A watch can have at most 20 rules.');
  return rules.map((rule: Partial<WatchRule>) => {
    if (!RULE_KINDS.includes(rule?.kind as WatchRule['kind'])) {
      throw new ApiError(400, `Unknown rule kind "${String(rule?.kind)}". Use one of: ${RULE_KINDS.join(', ')}.`);
    }
    const kind = rule.kind as WatchRule['kind'];
    if (!VALUED_RULE_KINDS.includes(kind)) return { kind };
    const value = Number(rule.value);
    if (!Number.isFinite(value) || value < 0) throw new ApiError(400, `The rule "${kind}" needs a number ≥ 0.`);
    if (kind === 'price-drop-pct' && (value <= 0 || value >= 100)) {
      throw new ApiError(400, 'A price drop percentage must be between 0 and 100.');
    }
    return { kind, value };
  });
}

export function validateSettingsPatch(patch: SettingsPatch): SettingsPatch {
  if (typeof patch !== 'object' || patch === null) throw new ApiError(400, 'Settings must be an object.');
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(patch)) {
    if (!(name in DEFAULT_SETTINGS)) throw new ApiError(400, `Unknown setting "${name}".`);
    result[name] = value;
  }
  if (patch.mapping !== undefined) result.mapping = validateMapping(patch.mapping);
  if (patch.notifications) checkNotifications(patch.notifications);
  if (patch.retention) checkRetention(patch.retention);
  if (patch.receiver) checkReceiver(patch.receiver);
  if (patch.launchAtLogin !== undefined && typeof patch.launchAtLogin !== 'boolean') {
    throw new ApiError(400, '`launchAtLogin` must be true or false.');
  }
  const paused = patch.alertsPausedUntil;
  if (paused !== undefined && paused !== null && Number.isNaN(Date.parse(paused))) {
    throw new ApiError(400, '`alertsPausedUntil` must be a date or null.');
  }
  return result as SettingsPatch;
}

function validateMapping(mapping: unknown): Record<string, string> {
  if (typeof mapping !== 'object' || mapping === null) throw new ApiError(400, 'The mapping must be an object.');
  const result: Record<string, string> = {};
  for (const [key, field] of Object.entries(mapping)) {
    if (!key.trim() || key.length > 100) throw new ApiError(400, 'Mapping keys must be 1–100 characters.');
    if (!CANONICAL.has(field)) throw new ApiError(400, `"${key}" maps to unknown field "${String(field)}".`);
    result[key.trim()] = field;
  }
  return result;
}

function checkNotifications(value: NonNullable<SettingsPatch['notifications']>): void {
  const window = value.digestWindowSeconds;
  if (window !== undefined && !(Number.isInteger(window) && window >= 0 && window <= 3600)) {
    throw new ApiError(400, 'The digest window must be 0–3600 seconds.');
  }
  const quiet = value.quietHours;
  if (quiet && !(isClock(quiet.start) && isClock(quiet.end))) throw new ApiError(400, 'Quiet hours need HH:MM times.');
}

function checkRetention(value: NonNullable<SettingsPatch['retention']>): void {
  const ranges: [number | undefined, number, number, string][] = [
    [value.feedEntries, 100, 5_000_000, 'Feed retention'],
    [value.historyPerProduct, 2, 10_000, 'History per product'],
    [value.journalDays, 1, 365, 'Journal retention (days)'],
  ];
  for (const [given, min, max, label] of ranges) {
    if (given !== undefined && !(Number.isInteger(given) && given >= min && given <= max)) {
      throw new ApiError(400, `${label} must be a whole number from ${min} to ${max}.`);
    }
  }
}

function checkReceiver(value: NonNullable<SettingsPatch['receiver']>): void {
  if (value.port !== undefined && !(Number.isInteger(value.port) && value.port > 0 && value.port < 65536)) {
    throw new ApiError(400, 'The receiver port must be 1–65535.');
  }
  if (value.host !== undefined && !/^[\w.:-]{1,253}$/.test(value.host)) throw new ApiError(400, 'Invalid host.');
  if (value.headerName !== undefined && value.headerName !== '' && !/^[A-Za-z0-9-]{1,64}$/.test(value.headerName)) {
    throw new ApiError(400, 'A header name has letters, digits and dashes only.');
  }
}

function isClock(value: unknown): boolean {
  return typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}
