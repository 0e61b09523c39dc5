// The part of impact.com's `Query` language the fake understands: `Field = 'value'`, `Field != 'value'` and
// `Field ~ 'value'` (contains, case-insensitive), joined by AND. String values are in single quotes, a quote inside
// doubled. Anything else is refused the way impact.com refuses a bad query: a 400 with its error body.

export type Predicate = (record: Record<string, unknown>) => boolean;

export class QuerySyntaxError extends Error {}

const TERM = /^\s*([A-Za-z][A-Za-z0-9]*)\s*(!=|=|~)\s*(?:'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?))\s*/;

export function parseQuery(query: string): Predicate {
  const terms: Predicate[] = [];
  let rest = query;
  for (;;) {
    const match = TERM.exec(rest);
    if (match === null) throw new QuerySyntaxError(`Invalid Query: ${query}`);
    const [whole, field = '', operator, quoted, number] = match;
    const value = quoted === undefined ? (number ?? '') : quoted.replaceAll("''", "'");
    terms.push((record) => {
      const actual = String(record[field] ?? '');
      if (operator === '=') return actual === value;
      if (operator === '!=') return actual !== value;
      return actual.toLowerCase().includes(value.toLowerCase());
    });
    rest = rest.slice(whole.length);
    if (rest === '') break;
    const and = /^AND\s+/i.exec(rest);
    if (and === null) throw new QuerySyntaxError(`Invalid Query: ${query}`);
    rest = rest.slice(and[0].length);
  }
  return (record) => terms.every((term) => term(record));
}

/** v16 ItemSearch's Keyword: any of the text fields, case-insensitive. */
export function keywordMatcher(keyword: string): Predicate {
  const needle = keyword.trim().toLowerCase();
  const fields = ['Name', 'Description', 'Manufacturer', 'CatalogItemId', 'CampaignName'];
  return (record) =>
    needle === '' ||
    fields.some((field) =>
      String(record[field] ?? '')
        .toLowerCase()
        .includes(needle),
    );
}
