// Feed search, one rule for the engine and the UI: the words a user types match the start of words in a product's
// name or item id (and, through the catalogs, its brand), in any order ("acme ten" finds "Acme 2-person Tent").
// SQLite's FTS5 index answers it on the server; the same rule in plain code decides a search too broad for the
// index, and whether a live entry belongs in the list the user is looking at.

/** Lower-case words without accents, split where SQLite's unicode61 tokenizer splits. */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** An FTS5 query: every word as a quoted prefix term; null when the text has no words. */
export function ftsQuery(text: string): string | null {
  const words = wordsOf(text).slice(0, 8);
  return words.length === 0 ? null : words.map((word) => `"${word}"*`).join(' ');
}

/** The same rule as ftsQuery, tested in code against one product's words. */
export function textMatcher(text: string): (fields: (string | null | undefined)[]) => boolean {
  const wanted = wordsOf(text).slice(0, 8);
  return (fields) => {
    const words = fields.flatMap((field) => (field ? wordsOf(field) : []));
    return wanted.every((prefix) => words.some((word) => word.startsWith(prefix)));
  };
}
