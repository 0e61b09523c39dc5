// Says what is wrong with a body that is not valid JSON or XML, with the position: "the body is not valid JSON
// (unexpected end at character 212)". Only asked when a postback could not be used, so it costs nothing otherwise.
import { XMLValidator } from 'fast-xml-parser';
import { createFieldBag } from './field-bag.js';
import { walkJson } from './json-fields.js';
import { type JsonToken, tokenizeJson } from './json-tokens.js';

/** The body's JSON syntax error in words, or null when it is valid JSON. */
export function jsonSyntaxProblem(body: string): string | null {
  if (isJson(body)) return null;
  const strict = tokenizeJson(body, false);
  if (!strict.ok) return notValidJson(strict.at >= body.length ? 'unexpected end' : strict.reason, strict.at, body);
  const walked = walkJson(strict.tokens, createFieldBag());
  if (walked.ok || !walked.syntax) return null;
  const token = walked.token === undefined ? undefined : strict.tokens[walked.token];
  if (!token) return notValidJson('unexpected end', body.length, body);
  return notValidJson(`unexpected ${describeToken(token)}`, token.at, body);
}

/** The body's XML syntax error in words, or null when the validator accepts it. */
export function xmlSyntaxProblem(body: string): string | null {
  const result = XMLValidator.validate(body);
  if (result === true) return null;
  const { msg, line, col } = result.err;
  return `the body is not valid XML (${lowerFirst(msg.replace(/\.$/, ''))} at line ${line}, column ${col})`;
}

/** JSON or XML by the first character, as parseRequest decides; null for other formats or a valid body. */
export function bodySyntaxProblem(body: string): string | null {
  const first = body.replace(/^[\s\uFEFF]+/, '').charAt(0);
  if (first === '{' || first === '[') return jsonSyntaxProblem(body);
  if (first === '<') return xmlSyntaxProblem(body);
  return null;
}

function notValidJson(what: string, at: number, body: string): string {
  const where = what === 'unexpected end' ? `at character ${body.length}` : `at character ${at + 1}`;
  return `the body is not valid JSON (${what} ${where})`;
}

function describeToken(token: JsonToken): string {
  if (token.kind === 'punct') return `"${token.char}"`;
  if (token.kind === 'string') return 'text';
  return `"${token.text.slice(0, 20)}${token.text.length > 20 ? '…' : ''}"`;
}

function isJson(body: string): boolean {
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
