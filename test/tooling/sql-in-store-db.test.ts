// SQL lives in main/engine/store/db/ only: elsewhere the engine asks the store's named methods. A statement outside
// it (a prepare, exec or pragma on a connection, or SQL in a string) is found here, with the file and line.
import { describe, expect, it } from 'vitest';
import { readSource, sourceFiles } from './source-files.js';

const STORE_DB = 'main/engine/store/db/';

/** Files that may keep SQL, each with its reason. */
const ALLOWED: Record<string, string> = {
  'main/engine/backup/sqlite-worker.ts':
    'its worker source is a string run in a worker thread, which cannot import the store modules',
};

/** The start of a statement, as the project writes SQL (upper case), not words in prose. */
const SQL =
  /\b(SELECT\s+(DISTINCT\s+)?[\w*(]|INSERT\s+(OR\s+[A-Z]+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|TRIGGER|VIRTUAL)|DROP\s+(TABLE|INDEX|TRIGGER)|PRAGMA\s+\w)/;

interface Scanned {
  /** the code with comments, strings and regular expressions blanked (line breaks kept) */
  code: string;
  strings: { text: string; line: number }[];
}

/** Splits source into code and string literals; comments and regular expressions are dropped. */
function scan(text: string): Scanned {
  let code = '';
  const strings: Scanned['strings'] = [];
  let line = 1;
  let i = 0;
  const blank = (part: string) => part.replace(/[^\n]/g, ' ');
  while (i < text.length) {
    const c = text[i] as string;
    const rest = text.slice(i);
    let end = i + 1;
    if (rest.startsWith('//')) end = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
    else if (rest.startsWith('/*')) end = text.indexOf('*/', i + 2) + 2;
    else if (c === "'" || c === '"' || c === '`') {
      while (end < text.length && text[end] !== c) end += text[end] === '\\' ? 2 : 1;
      end++;
      strings.push({ text: text.slice(i + 1, end - 1), line });
    } else if (c === '/' && /[(,=:[!&|?{};]\s*$|return\s*$|^\s*$/.test(code.slice(code.lastIndexOf('\n') + 1))) {
      while (end < text.length && text[end] !== '/' && text[end] !== '\n') end += text[end] === '\\' ? 2 : 1;
      end++;
    } else {
      code += c;
      if (c === '\n') line++;
      i++;
      continue;
    }
    const part = text.slice(i, end);
    code += blank(part);
    line += part.split('\n').length - 1;
    i = end;
  }
  return { code, strings };
}

function sqlUses(file: string, text: string): string[] {
  const { code, strings } = scan(text);
  const calls = [...code.matchAll(/\.(prepare|pragma|transaction)\s*[<(]/g)].map((match) => ({
    line: code.slice(0, match.index).split('\n').length,
    what: `.${match[1]}()`,
  }));
  const literals = strings
    .filter((string) => SQL.test(string.text))
    .map(({ line }) => ({ line, what: 'SQL in a string' }));
  return [...calls, ...literals]
    .sort((x, y) => x.line - y.line || x.what.localeCompare(y.what))
    .map(({ line, what }) => `${file}:${line} ${what}`);
}

describe('SQL in the engine', () => {
  it('is found in calls and strings, not in comments, prose or regular expressions', () => {
    const text = [
      '// SELECT id FROM products: a comment may quote SQL',
      "const a = db.prepare('SELECT 1');",
      'store.db.pragma(`wal_checkpoint(PASSIVE)`);',
      'db.transaction(() => 1)();',
      'const b = `DELETE FROM feed WHERE pos <= $' + '{pos}`;',
      "const c = 'Select a product to watch, then update its rules';",
      'const d = /^btime (\\d+)$/m.exec(text);',
    ].join('\n');
    expect(sqlUses('x.ts', text)).toEqual([
      'x.ts:2 .prepare()',
      'x.ts:2 SQL in a string',
      'x.ts:3 .pragma()',
      'x.ts:4 .transaction()',
      'x.ts:5 SQL in a string',
    ]);
  });

  it('stays in main/engine/store/db/', () => {
    const outside = sourceFiles(['main/engine']).filter((file) => !file.startsWith(STORE_DB) && !(file in ALLOWED));
    expect(outside.flatMap((file) => sqlUses(file, readSource(file)))).toEqual([]);
  });

  it('is allowed elsewhere only in files that still have some, each with a reason', () => {
    for (const [file, reason] of Object.entries(ALLOWED)) {
      expect(reason.length, file).toBeGreaterThan(10);
      expect(sqlUses(file, readSource(file)), `${file} no longer needs its exception`).not.toEqual([]);
    }
  });
});
