// XML bodies → flat fields through fast-xml-parser, with entity expansion and DOCTYPE processing off.
import { decodeXmlText, safeXmlParser, stripDoctype } from '../xml/safe-xml.js';
import type { FieldBag, FieldPath } from './field-bag.js';
import { MAX_DEPTH } from './limits.js';

const parser = safeXmlParser(MAX_DEPTH);

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
