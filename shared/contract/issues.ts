// Turns schema issues into one plain sentence that names the field: "retention.feedEntries must be a whole number
// from 100 to 5,000,000". Schemas give their own wording as a predicate ("must be …"); every other issue gets one here.
import type { z } from 'zod';
import { ApiError } from './errors.js';
import { formatCount } from './ranges.js';

type RawIssue = z.core.$ZodRawIssue;
type Issue = z.core.$ZodIssue;

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  record: 'an object',
  null: 'null',
  undefined: 'left out',
  literal: 'a fixed value',
};

const MAX_SHOWN_KEY = 40;
const MAX_LISTED = 3;

/** The predicate for an issue whose schema gave no wording of its own. Also the zod per-parse error map. */
export function predicateOf(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is missing';
      return `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return `must be one of: ${listValues(issue.values)}`;
    case 'invalid_union': {
      const options = (issue as { options?: readonly unknown[] }).options;
      return options ? `must be one of: ${listValues(options)}` : 'is not valid';
    }
    case 'too_big':
      return tooBig(issue.origin, Number(issue.maximum), issue.inclusive !== false);
    case 'too_small':
      return tooSmall(issue.origin, Number(issue.minimum), issue.inclusive !== false);
    case 'unrecognized_keys':
      return 'is not a known field';
    case 'invalid_key':
      return 'is not allowed as a key';
    case 'invalid_format':
      return 'is not in the expected format';
    default:
      return 'is not valid';
  }
}

function tooBig(origin: string, max: number, inclusive: boolean): string {
  if (origin === 'string') return `must be at most ${formatCount(max)} characters`;
  if (origin === 'array' || origin === 'set') return `must be a list of at most ${formatCount(max)} items`;
  return inclusive ? `must be at most ${formatCount(max)}` : `must be less than ${formatCount(max)}`;
}

function tooSmall(origin: string, min: number, inclusive: boolean): string {
  if (origin === 'string') return min <= 1 ? 'must not be empty' : `must be at least ${formatCount(min)} characters`;
  if (origin === 'array' || origin === 'set') return `must be a list of at least ${formatCount(min)} item(s)`;
  return inclusive ? `must be at least ${formatCount(min)}` : `must be more than ${formatCount(min)}`;
}

function listValues(values: readonly unknown[]): string {
  const shown = values.slice(0, 10).map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
  return values.length > 10 ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** `retention.feedEntries`, `rules[2].value`; keys a sender made up are shortened so a 1 MB key is not echoed back. */
export function fieldName(path: readonly PropertyKey[]): string {
  let name = '';
  for (const segment of path) {
    if (typeof segment === 'number') name += `[${segment}]`;
    else name += `${name ? '.' : ''}${shorten(String(segment))}`;
  }
  return name;
}

function shorten(text: string): string {
  return text.length > MAX_SHOWN_KEY ? `${text.slice(0, MAX_SHOWN_KEY)}…` : text;
}

function sentence(issue: Issue, subject: string): string {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys
      .slice(0, MAX_LISTED)
      .map((key) => `${fieldName([...issue.path, key])} is not a known field`)
      .join('; ');
  }
  return `${issue.path.length > 0 ? fieldName(issue.path) : subject} ${issue.message}`;
}

/** One sentence for the first few issues: enough to fix the request, never an echo of a huge input. */
export function describeIssues(issues: readonly Issue[], subject: string): string {
  const sentences = issues.slice(0, MAX_LISTED).map((issue) => sentence(issue, subject));
  const more = issues.length > MAX_LISTED ? ` (and ${issues.length - MAX_LISTED} more)` : '';
  return `${sentences.join('; ')}${more}.`;
}

/** "receiverPort: Invalid input: …": the first issue as zod words it, for a log or a version-mismatch message. */
export function firstIssueText(issues: readonly Issue[], subject: string): string {
  const issue = issues[0];
  return issue ? `${issue.path.map(String).join('.') || subject}: ${issue.message}` : `unexpected ${subject}`;
}

export type SafeParse<T> = { ok: true; value: T } | { ok: false; message: string };

/** Parses `input` from unknown into the schema's complete, typed value, or says in words what is wrong. */
export function safeParseWith<S extends z.ZodType>(schema: S, input: unknown, subject: string): SafeParse<z.output<S>> {
  const result = schema.safeParse(input, { error: predicateOf });
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, message: describeIssues(result.error.issues, subject) };
}

/** Like safeParseWith, for a request: a bad one is a 400 ApiError whose message names the field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, subject = 'The request'): z.output<S> {
  const parsed = safeParseWith(schema, input, subject);
  if (!parsed.ok) throw new ApiError(400, parsed.message);
  return parsed.value;
}
