// XML bodies → flat fields through fast-xml-parser, with entity expansion and DOCTYPE processing off.
import { XMLParser } from 'fast-xml-parser';
import type { FieldBag, FieldPath } from './field-bag.js';
import { MAX_DEPTH } from './limits.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // No entity expansion at all: the five predefined entities and character references are decoded below, once,
  // so neither an entity bomb nor an external entity can ever be resolved.
  processEntities: false,
  htmlEntities: false,
  maxNestedTags: MAX_DEPTH,
});

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** One pass, never recursive: "&amp;lt;" becomes "&lt;", not "<". Unknown entities stay as written. */
export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

/** Removes `<!DOCTYPE ...>` including an internal subset `[...]`, so its entity declarations are never read. */
export function stripDoctype(text: string): string {
  let out = text;
  for (let at = out.search(/<!DOCTYPE/i); at >= 0; at = out.search(/<!DOCTYPE/i)) {
    let i = at + 9;
    let brackets = 0;
    let quote = '';
    for (; i < out.length; i += 1) {
      const c = out.charAt(i);
      if (quote !== '') {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '[') brackets += 1;
      else if (c === ']') brackets -= 1;
      else if (c === '>' && brackets <= 0) break;
    }
    out = out.slice(0, at) + out.slice(i + 1);
  }
  return out;
}

export type XmlResult = { ok: true } | { ok: false; reason: string };

/** Element text is the value under the element's name; attributes count too, after all elements. */
export function collectXmlFields(body: string, bag: FieldBag): XmlResult {
  let document: unknown;
  try {
    document = parser.parse(stripDoctype(body));
  } catch (error) {
    return { ok: false, reason: `invalid XML: ${error instanceof Error ? error.message : String(error)}` };
  }
  const attributes: [FieldPath, string][] = [];
  const pending: [FieldPath, unknown][] = [[[], document]];
  // Depth-first in document order with an explicit stack (children pushed reversed).
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const [path, node] = item;
    if (typeof node === 'string') {
      const last = path.at(-1);
      const isAttribute = typeof last === 'string' && last.startsWith('@_');
      if (isAttribute) attributes.push([[...path.slice(0, -1), last.slice(2)], decodeXmlText(node)]);
      else bag.add(path.at(-1) === '#text' ? path.slice(0, -1) : path, decodeXmlText(node));
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    const children: [FieldPath, unknown][] = Array.isArray(node)
      ? node.map((child, index) => [[...path, index], child])
      : Object.entries(node).map(([key, child]) => [[...path, key], child]);
    for (let i = children.length - 1; i >= 0; i -= 1) pending.push(children[i] as [FieldPath, unknown]);
  }
  for (const [path, value] of attributes) bag.add(path, value);
  return { ok: true };
}
