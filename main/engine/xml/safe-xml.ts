// XML as Shelfwatch reads it, from a postback body or a Partner API answer: fast-xml-parser with entity expansion and
// DOCTYPE processing off, so neither an entity bomb nor an external entity can ever be resolved; the five predefined
// entities and character references are decoded afterwards, once.
import { XMLParser } from 'fast-xml-parser';

/** A parser that keeps attributes (`@_name`) and leaves every value as text. */
export function safeXmlParser(maxNestedTags: number): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    textNodeName: '#text',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    removeNSPrefix: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: false,
    htmlEntities: false,
    maxNestedTags,
  });
}

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
