// Strict JSON → flat fields, walked iteratively over tokens (no recursion, so depth is only a counted limit).
import type { FieldBag, FieldPath } from './field-bag.js';
import type { JsonToken } from './json-tokens.js';
import { MAX_DEPTH } from './limits.js';

/** `token`: the index of the token where the syntax broke (tokens.length: the text ended too soon). */
export type WalkResult = { ok: true } | { ok: false; reason: string; syntax: boolean; token?: number };

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

interface Frame {
  kind: 'object' | 'array';
  /** the key or index this container sits under in its parent (root: none) */
  path: (string | number)[];
  next: number;
  pendingKey?: string;
  /** object: 'key' | 'colon' | 'value' | 'comma'; array: 'value' | 'comma' */
  expect: 'key' | 'colon' | 'value' | 'comma';
  empty: boolean;
}

/**
 * Emits every scalar leaf into `bag`. A top-level array contributes only its first object: impact.com renders the
 * template once per item, so an array can only be a wrapper the partner typed; a second item cannot exist.
 * `null` becomes "" (missing); numbers and booleans keep their source text.
 */
export function walkJson(tokens: readonly JsonToken[], bag: FieldBag): WalkResult {
  const syntax = (at: number): WalkResult => ({
    ok: false,
    reason: `invalid JSON at token ${at + 1}`,
    syntax: true,
    token: at,
  });
  const stack: Frame[] = [];
  let rootDone = false;
  let capture: Frame | undefined;
  let captured = false;

  // Inside the root object, or inside the captured first object of a root array (whose index is left out of paths).
  const emitting = () => stack[0]?.kind === 'object' || capture !== undefined;
  const relative = (path: FieldPath): FieldPath => (stack[0]?.kind === 'array' ? path.slice(1) : path);
  const open = (char: '{' | '[', path: (string | number)[]): Frame => ({
    kind: char === '{' ? 'object' : 'array',
    path,
    next: 0,
    expect: char === '{' ? 'key' : 'value',
    empty: true,
  });
  const close = () => {
    if (stack.pop() === capture) capture = undefined;
    if (stack.length === 0) rootDone = true;
  };

  for (let t = 0; t < tokens.length; t += 1) {
    const token = tokens[t] as JsonToken;
    const top = stack.at(-1);
    if (rootDone || (top === undefined && !(token.kind === 'punct' && (token.char === '{' || token.char === '[')))) {
      return syntax(t);
    }
    if (top === undefined) {
      stack.push(open(token.kind === 'punct' && token.char === '[' ? '[' : '{', []));
      continue;
    }
    if (top.expect === 'comma') {
      if (token.kind !== 'punct') return syntax(t);
      if (token.char === ',') {
        top.expect = top.kind === 'object' ? 'key' : 'value';
        top.empty = false;
        continue;
      }
      if (token.char !== (top.kind === 'object' ? '}' : ']')) return syntax(t);
      close();
      continue;
    }
    if (top.expect === 'key') {
      if (token.kind === 'punct' && token.char === '}' && top.empty) {
        close();
        continue;
      }
      if (token.kind !== 'string') return syntax(t);
      top.pendingKey = token.text;
      top.expect = 'colon';
      continue;
    }
    if (top.expect === 'colon') {
      if (!(token.kind === 'punct' && token.char === ':')) return syntax(t);
      top.expect = 'value';
      continue;
    }
    // expecting a value
    if (token.kind === 'punct' && token.char === ']' && top.kind === 'array' && top.empty) {
      close();
      continue;
    }
    const segment = top.kind === 'object' ? (top.pendingKey ?? '') : top.next;
    if (top.kind === 'array') top.next += 1;
    top.expect = 'comma';
    const path = [...top.path, segment];
    if (token.kind === 'punct' && (token.char === '{' || token.char === '[')) {
      if (stack.length >= MAX_DEPTH)
        return { ok: false, reason: `nested deeper than ${MAX_DEPTH} levels`, syntax: false };
      const frame = open(token.char, path);
      if (stack.length === 1 && stack[0]?.kind === 'array' && frame.kind === 'object' && !captured) {
        capture = frame;
        captured = true;
      }
      stack.push(frame);
      continue;
    }
    if (token.kind === 'punct') return syntax(t);
    const value = scalarText(token);
    if (value === undefined) return syntax(t);
    if (emitting()) bag.add(relative(path), value);
  }
  return rootDone ? { ok: true } : syntax(tokens.length);
}

function scalarText(token: JsonToken): string | undefined {
  if (token.kind === 'string') return token.text;
  if (token.kind !== 'bare') return undefined;
  if (token.text === 'null') return '';
  if (token.text === 'true' || token.text === 'false' || NUMBER.test(token.text)) return token.text;
  return undefined;
}
