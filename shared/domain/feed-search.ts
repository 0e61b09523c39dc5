// Feed search, one rule for the engine and the UI: the words a user types match the start of words in a product's
// name or item id (and, through the catalogs, its brand), in any order ("acme ten" finds "Acme 2-person Tent").
// SQLite's FTS5 index narrows the products down on the server; the same rule in plain code decides the candidates,
// a search too broad for the index, and whether a live entry belongs in the list the user is looking at.

/** Lower-case words without accents, split where SQLite's unicode61 tokenizer splits. */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** The index keeps every word's first 2 and 3 characters (main/engine/store/db/schema.ts: prefix = '2 3'). */
const INDEXED_PREFIX = 3;

export interface IndexQuery {
  /** an FTS5 query for candidates: every word's first characters as a prefix the index answers directly */
  match: string;
  /** the candidates may include products the search does not match (a longer word was cut): test them */
  needsCheck: boolean;
}

/**
 * The FTS5 query for a search, or null when the text has no words. A prefix query for a whole word ("northwind"*)
 * makes FTS5 gather every document of every matching term first, 10–20 ms for a common word at a million
 * products; the word's first three characters are answered from the prefix index in a few milliseconds, and the
 * few extra candidates that brings in are tested in code.
 */
export function indexQuery(text: string): IndexQuery | null {
  const words = wordsOf(text).slice(0, 8);
  if (words.length === 0) return null;
  return {
    match: words.map((word) => `"${word.slice(0, INDEXED_PREFIX)}"*`).join(' '),
    needsCheck: words.some((word) => word.length > INDEXED_PREFIX),
  };
}

/** The search rule, tested in code against one product's words. */
export function textMatcher(text: string): (fields: (string | null | undefined)[]) => boolean {
  const wanted = wordsOf(text).slice(0, 8);
  const asciiWanted = wanted.every(isAscii);
  return (fields) => {
    // Most names are plain ASCII, where splitting into words (Unicode normalization, a Unicode regex) is not needed:
    // a word starts wherever a letter or digit follows anything else.
    if (asciiWanted && fields.every((field) => !field || isAscii(field))) {
      const lower = fields.map((field) => (field ? field.toLowerCase() : '')).join(' ');
      return wanted.every((prefix) => startsAnAsciiWord(lower, prefix));
    }
    const words = fields.flatMap((field) => (field ? wordsOf(field) : []));
    return wanted.every((prefix) => words.some((word) => word.startsWith(prefix)));
  };
}

/** Whether `prefix` (letters and digits, from wordsOf) starts a word of the lower-case ASCII `text`. */
function startsAnAsciiWord(text: string, prefix: string): boolean {
  for (let at = text.indexOf(prefix); at !== -1; at = text.indexOf(prefix, at + 1))
    if (at === 0 || !isAsciiLetterOrDigit(text.charCodeAt(at - 1))) return true;
  return false;
}

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

function isAscii(text: string): boolean {
  return !/[^\x20-\x7e]/.test(text);
}
