// Value hygiene shared by normalize: what counts as missing, plain-text cleanup, safe URLs, counts.

/** An unreplaced impact.com placeholder such as "{CurrentPrice}": a test postback or a data point impact.com lacks. */
const PLACEHOLDER = /^\{[A-Za-z0-9]+\}$/;
// C0/C1 controls and bidi overrides/isolates: plain text for notifications must not reorder or hide itself.
const UNPRINTABLE = /[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]+/gu;

export const MAX_NAME_LENGTH = 500;
export const MAX_URL_LENGTH = 2048;
export const MAX_ID_LENGTH = 500;

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value.trim());
}

/** Missing means "not sent": it never clears a stored value. */
export function isMissing(value: string): boolean {
  return value.trim() === '' || isPlaceholder(value);
}

/** One line of plain text: controls become spaces, runs of spaces collapse, at most `maxLength` characters. */
export function cleanText(value: string, maxLength: number): string | undefined {
  const text = value.replace(UNPRINTABLE, ' ').replace(/\s+/g, ' ').trim();
  if (text === '') return undefined;
  return text.length <= maxLength ? text : Array.from(text).slice(0, maxLength).join('');
}

/** Only http(s) URLs survive: a `javascript:` or `data:` link must never reach the store or a click handler. */
export function cleanUrl(value: string): string | undefined {
  const text = value.replace(UNPRINTABLE, '').trim();
  if (text === '' || text.length > MAX_URL_LENGTH || /\s/.test(text)) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? text : undefined;
  } catch {
    return undefined;
  }
}

/** "120", "1,200", "1 200", "12.0" → a non-negative safe integer; anything else → undefined. */
export function parseCount(value: string): number | undefined {
  const text = value.trim().replace(/[\s\u00A0]/g, '');
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.0+)?$/.test(text)) return undefined;
  const count = Number(text.replace(/,/g, ''));
  return Number.isSafeInteger(count) ? count : undefined;
}

/** Catalog and campaign ids are integers at impact.com; kept as the digit string sent. */
export function parseDigits(value: string): string | undefined {
  const text = value.trim();
  return /^\d{1,20}$/.test(text) ? text : undefined;
}
