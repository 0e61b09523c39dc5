// Values a postback sent that could not be read ("thirty-four" as a price): the readable fields are still applied, and
// the postback also goes to "Need attention" with one line per value, so a brand sending garbage is noticed.
import type { CanonicalField } from './aliases.js';
import type { Candidate, Candidates } from './candidates.js';
import { cleanText, isMissing } from './clean-values.js';

/** Quoted values are cut here: the reason is one line in a list, the whole postback is shown below it. */
const MAX_QUOTED = 40;

/** What each field's value should have been, for "… is not a price". */
const EXPECTED: Partial<Record<CanonicalField, string>> = {
  campaignId: 'a program id (digits)',
  url: 'a web link',
  imageUrl: 'a web link',
  currentPrice: 'a price',
  originalPrice: 'a price',
  currency: 'a currency code',
  stockAvailability: 'a stock status',
  inventory: 'a count',
};

/** `CurrentPrice "thirty-four" is not a price`: the key as sent, its value in plain text, what it should be. */
export function unreadableValue(field: CanonicalField, key: string, value: string): string {
  const shown = cleanText(value, MAX_QUOTED) ?? '';
  const cut = shown.length < value.trim().length ? '…' : '';
  const isPrice = field === 'currentPrice' || field === 'originalPrice';
  const what = isPrice && /^\s*-\s*\d/.test(value) ? 'a negative price' : undefined;
  return what
    ? `${key} "${shown}${cut}" is ${what}`
    : `${key} "${shown}${cut}" is not ${EXPECTED[field] ?? 'readable'}`;
}

/**
 * Reads fields like Candidates.pick, noting each field that was sent but none of whose values could be read:
 * `problems` lists them in reading order.
 */
export function problemReader(candidates: Candidates) {
  const problems: string[] = [];
  return {
    problems,
    read<T>(field: CanonicalField, parse: (value: string) => T | undefined): T | undefined {
      const value = candidates.pick(field, parse);
      if (value !== undefined) return value;
      const sent = candidates.of(field).find((candidate) => !isMissing(candidate.value));
      if (sent) problems.push(unreadableValue(field, sent.key, sent.value));
      return undefined;
    },
    /** A value that was taken but means nothing known (a stock word no list has). */
    report(field: CanonicalField, candidate: Candidate): void {
      problems.push(unreadableValue(field, candidate.key, candidate.value));
    },
  };
}
