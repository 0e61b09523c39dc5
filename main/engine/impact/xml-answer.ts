// impact.com's XML answers (its default format, and what some proxies and old accounts still send) → the same shape
// as its JSON answers, so one schema reads both:
//   <ImpactRadiusResponse><Catalogs nextpageuri="…"><Catalog><Id>1</Id>…</Catalog></Catalogs></ImpactRadiusResponse>
//   → { "@nextpageuri": "…", "Catalogs": [{ "Id": "1", … }] }
import { decodeXmlText, safeXmlParser } from '../xml/safe-xml.js';

const parser = safeXmlParser(64);

type Node = string | Node[] | { [key: string]: Node };

const isAttribute = (key: string) => key.startsWith('@_');

/**
 * Element text, or an object of child elements. An element whose only children are all named like it minus a final
 * "s" (`<Catalogs><Catalog/>…</Catalogs>`, `<Labels><Label/></Labels>`) is a list: one child or many, it becomes an
 * array, as in the JSON answer.
 */
function convert(name: string, node: Node): unknown {
  if (typeof node === 'string') return decodeXmlText(node);
  if (Array.isArray(node)) return node.map((child) => convert(name, child));
  const children = Object.keys(node).filter((key) => !isAttribute(key) && key !== '#text');
  if (children.length === 0) return decodeXmlText(typeof node['#text'] === 'string' ? node['#text'] : '');
  const [only] = children;
  if (children.length === 1 && only !== undefined && name.length > 1 && name === `${only}s`) {
    const items = node[only] as Node;
    return (Array.isArray(items) ? items : [items]).map((item) => convert(only, item));
  }
  return Object.fromEntries(children.map((key) => [key, convert(key, node[key] as Node)]));
}

/** Paging attributes (`nextpageuri="…"`) on the root or on a list element → "@nextpageuri" fields. */
function pagingOf(node: Node, into: Record<string, unknown>): void {
  if (typeof node !== 'object' || Array.isArray(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (isAttribute(key) && typeof value === 'string') into[`@${key.slice(2)}`] ??= decodeXmlText(value);
  }
}

/** Throws with a short reason when the text is not an impact.com XML answer. */
export function readXmlAnswer(text: string): Record<string, unknown> {
  // impact.com sends no DTD; refusing one outright means no entity declaration is ever even looked at.
  if (/<!(DOCTYPE|ENTITY)/i.test(text)) throw new Error('XML with a DOCTYPE or entity declaration');
  let document: Record<string, Node>;
  try {
    document = parser.parse(text, true) as Record<string, Node>;
  } catch (error) {
    throw new Error(`invalid XML (${error instanceof Error ? error.message : String(error)})`);
  }
  const root = document.ImpactRadiusResponse;
  if (root === undefined) throw new Error('XML without an <ImpactRadiusResponse> root');
  const out: Record<string, unknown> = {};
  if (typeof root === 'string') return out;
  if (Array.isArray(root)) throw new Error('XML with more than one <ImpactRadiusResponse> root');
  pagingOf(root, out);
  for (const [key, child] of Object.entries(root)) {
    if (isAttribute(key) || key === '#text') continue;
    out[key] = convert(key, child);
    pagingOf(child, out);
  }
  return out;
}
