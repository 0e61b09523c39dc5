// The fallback for templates that are not valid JSON, like impact.com's own example
// `{"Product Data Change Postback", "item_id": "GLX-TV-65", ...}`: keep every `key: value` pair, ignore the rest.
import type { FieldBag } from './field-bag.js';
import type { JsonToken } from './json-tokens.js';

/** Flat on purpose: structure is what is broken, so nesting is ignored and keys are the names next to a colon. */
export function collectLenientPairs(tokens: readonly JsonToken[], bag: FieldBag): void {
  for (let i = 0; i + 2 < tokens.length; i += 1) {
    const key = tokens[i];
    const colon = tokens[i + 1];
    const value = tokens[i + 2];
    if (key === undefined || key.kind === 'punct') continue;
    if (colon?.kind !== 'punct' || colon.char !== ':') continue;
    if (value === undefined || value.kind === 'punct') continue;
    bag.addKey(key.text, value.kind === 'bare' && value.text === 'null' ? '' : value.text);
    i += 2;
  }
}
