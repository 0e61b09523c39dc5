// A small JSON tokenizer with a strict mode (real JSON) and a lenient mode (what a hand-written template yields).
// It keeps numbers as their source text, so an id like 123456789012345678901 is never rounded by JSON.parse.

/** `at`: where the token starts in the text (for messages that point at a syntax error). */
export type JsonToken =
  | { kind: 'punct'; char: '{' | '}' | '[' | ']' | ':' | ','; at: number }
  | { kind: 'string'; text: string; at: number }
  | { kind: 'bare'; text: string; at: number };

/**
 * `cutOff` (lenient mode): the text ends inside a string, or on a bare value inside an open object or list, so its
 * last value may be cut short (a truncated body), unlike a template that only forgot its closing brace.
 */
export type TokenizeResult =
  | { ok: true; tokens: JsonToken[]; cutOff: boolean }
  | { ok: false; reason: string; at: number };

const PUNCT = new Set(['{', '}', '[', ']', ':', ',']);
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\uFEFF';

export function tokenizeJson(text: string, lenient: boolean): TokenizeResult {
  const tokens: JsonToken[] = [];
  let i = 0;
  let depth = 0;
  let unterminated = false;
  while (i < text.length) {
    const c = text.charAt(i);
    if (isSpace(c)) {
      i += 1;
    } else if (PUNCT.has(c)) {
      tokens.push({ kind: 'punct', char: c as '{', at: i });
      if (c === '{' || c === '[') depth += 1;
      else if (c === '}' || c === ']') depth -= 1;
      i += 1;
    } else if (c === '"' || (lenient && c === "'")) {
      const read = lenient ? readLenientString(text, i) : readStrictString(text, i);
      if (!read.ok) return read;
      tokens.push({ kind: 'string', text: read.text, at: i });
      unterminated = read.unterminated;
      i = read.end;
    } else {
      let end = i;
      while (end < text.length && !isSpace(text.charAt(end)) && !PUNCT.has(text.charAt(end)) && text[end] !== '"') {
        end += 1;
      }
      tokens.push({ kind: 'bare', text: text.slice(i, end), at: i });
      i = end;
    }
  }
  const last = tokens.at(-1);
  return { ok: true, tokens, cutOff: unterminated || (last?.kind === 'bare' && depth > 0) };
}

type StringRead =
  | { ok: true; text: string; end: number; unterminated: boolean }
  | { ok: false; reason: string; at: number };

function readStrictString(text: string, start: number): StringRead {
  let out = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === '"') return { ok: true, text: out, end: i + 1, unterminated: false };
    if (c < ' ') return { ok: false, reason: 'a control character in a string', at: i };
    if (c !== '\\') {
      out += c;
      i += 1;
      continue;
    }
    const e = text.charAt(i + 1);
    if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
      out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
      i += 6;
    } else if (Object.hasOwn(ESCAPES, e)) {
      out += ESCAPES[e];
      i += 2;
    } else {
      return { ok: false, reason: 'a bad escape in a string', at: i };
    }
  }
  return { ok: false, reason: 'unexpected end', at: text.length };
}

/**
 * Templates are filled by literal substitution, so a value may contain a bare quote (`"65" OLED TV"`). A quote only
 * closes the string when what follows it looks like JSON structure; otherwise it is part of the text.
 */
function readLenientString(text: string, start: number): StringRead {
  const quote = text.charAt(start);
  let out = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === '\\' && i + 1 < text.length) {
      const e = text.charAt(i + 1);
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
      } else {
        out += Object.hasOwn(ESCAPES, e) ? ESCAPES[e] : e;
        i += 2;
      }
      continue;
    }
    if (c === quote && closesString(text, i + 1)) return { ok: true, text: out, end: i + 1, unterminated: false };
    out += c;
    i += 1;
  }
  return { ok: true, text: out, end: text.length, unterminated: true };
}

function closesString(text: string, from: number): boolean {
  let i = from;
  while (i < text.length && isSpace(text.charAt(i))) i += 1;
  if (i >= text.length) return true;
  const next = text.charAt(i);
  return PUNCT.has(next) || next === '"' || next === "'";
}
