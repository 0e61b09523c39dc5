// A raw postback (query string + body in whatever format the partner's template produced) → one flat record.
import type { RawRequest } from '../../../shared/contract/quarantine.js';
import { createFieldBag, type FieldBag } from './field-bag.js';
import { parseFlatStringObject } from './flat-json.js';
import { walkJson } from './json-fields.js';
import { tokenizeJson } from './json-tokens.js';
import { collectLenientPairs } from './lenient-json.js';
import { MAX_FIELDS } from './limits.js';
import { jsonSyntaxProblem } from './syntax-problem.js';
import { collectXmlFields } from './xml-fields.js';

export type BodyFormat = 'json' | 'xml' | 'form' | 'query' | 'lenient-json';

export type ParseResult =
  | { ok: true; fields: Record<string, string>; format: BodyFormat }
  | { ok: false; reason: string };

type BodyResult = { ok: true; format: BodyFormat; bag: FieldBag } | { ok: false; reason: string };

/**
 * Query fields and body fields merged, the body winning. Never throws: every failure is a reason the user can read
 * (the request itself is kept by the caller, in quarantine).
 */
export function parseRequest(raw: RawRequest): ParseResult {
  try {
    return parseOrFail(raw);
  } catch (error) {
    // Defence in depth: nothing below is expected to throw, but a postback must never crash ingest.
    return { ok: false, reason: `unreadable postback: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function parseOrFail(raw: RawRequest): ParseResult {
  const body = typeof raw.body === 'string' ? raw.body : '';
  const query = typeof raw.query === 'string' ? raw.query.replace(/^\?/, '') : '';
  let bodyBag = createFieldBag();
  let format: BodyFormat = 'query';
  if (body.trim() !== '') {
    const parsed = parseBody(body, typeof raw.contentType === 'string' ? raw.contentType : '');
    if (!parsed.ok) return parsed;
    ({ format, bag: bodyBag } = parsed);
  }
  const queryBag = createFieldBag();
  collectForm(query, queryBag);
  if (bodyBag.overflowed || queryBag.overflowed) return { ok: false, reason: `more than ${MAX_FIELDS} fields` };
  // Body keys first and winning: where two keys map to the same field with equal priority, the earlier one is used.
  const fields = bodyBag.toRecord();
  for (const [key, value] of Object.entries(queryBag.toRecord())) if (!Object.hasOwn(fields, key)) fields[key] = value;
  if (Object.keys(fields).length === 0) {
    return { ok: false, reason: body.trim() === '' && query === '' ? 'empty postback' : 'no fields in the postback' };
  }
  return { ok: true, fields, format };
}

/**
 * The first character decides, the content type only breaks ties: templates are typed by hand and the header is
 * often missing or wrong (a JSON body sent as text/plain, form data labelled JSON).
 */
function parseBody(body: string, contentType: string): BodyResult {
  const first = body.replace(/^[\s\uFEFF]+/, '').charAt(0);
  if (first === '{' || first === '[') return parseJson(body);
  if (first === '<') {
    const bag = createFieldBag();
    const xml = collectXmlFields(body, bag);
    return xml.ok ? withFields(bag, 'xml') : xml;
  }
  if (body.includes('=')) {
    const bag = createFieldBag();
    collectForm(body, bag);
    return withFields(bag, 'form');
  }
  if (contentType.toLowerCase().includes('json')) return parseLenient(body);
  return { ok: false, reason: `unrecognized body format (content type "${contentType || 'none'}")` };
}

function parseJson(body: string): BodyResult {
  const flat = parseFlatStringObject(body);
  if (flat) return withFields(flat, 'json');
  const strict = tokenizeJson(body, false);
  if (strict.ok) {
    const bag = createFieldBag();
    const walked = walkJson(strict.tokens, bag);
    if (walked.ok) return withFields(bag, 'json');
    if (!walked.syntax) return { ok: false, reason: walked.reason };
  }
  return parseLenient(body);
}

/**
 * Hand-typed templates are often not quite JSON, and their "key": "value" pairs are still the partner's data. But a
 * body cut off inside a value (a truncated delivery) would store that value cut short ("5" of "59.99"): it is
 * quarantined as invalid JSON instead, as is a body with no pairs at all.
 */
function parseLenient(body: string): BodyResult {
  const lenient = tokenizeJson(body, true);
  if (!lenient.ok || lenient.cutOff) return { ok: false, reason: notJson(body) };
  const bag = createFieldBag();
  collectLenientPairs(lenient.tokens, bag);
  if (bag.size === 0 && !bag.overflowed) return { ok: false, reason: notJson(body) };
  return { ok: true, format: 'lenient-json', bag };
}

function notJson(body: string): string {
  return jsonSyntaxProblem(body) ?? 'the body is JSON, but not an object of "key": "value" pairs';
}

function withFields(bag: FieldBag, format: BodyFormat): BodyResult {
  return bag.size === 0 && !bag.overflowed
    ? { ok: false, reason: `no fields in the ${format} body` }
    : { ok: true, format, bag };
}

function collectForm(text: string, bag: FieldBag): void {
  if (text === '') return;
  for (const [key, value] of new URLSearchParams(text)) bag.addKey(key, value);
}
