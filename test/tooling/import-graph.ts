// Which source file imports which, type-only imports included (a circle of types is still a circle a reader has
// to hold in mind), and the circles in that graph.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './source-files.js';

const CLAUSE = String.raw`[\w$*{},\s]*?`;
const SPECIFIER = String.raw`['"]([^'"\n]+)['"]`;
/** `import … from`, `import type … from`, `export … from` and `export type … from`, at a statement's start. */
const STATIC = new RegExp(String.raw`^[ \t]*(?:import|export)(?:\s+type)?\s+${CLAUSE}\s*from\s*${SPECIFIER}`, 'gm');
/** `import './side-effect.js'` */
const BARE = new RegExp(String.raw`^[ \t]*import\s*${SPECIFIER}`, 'gm');
/** `import('./lazy.js')` and `vi.importActual('./x.js')`-like calls anywhere */
const DYNAMIC = new RegExp(String.raw`\bimport(?:Actual|Original)?\(\s*${SPECIFIER}\s*\)`, 'g');

/** The relative specifiers a file's text imports. */
export function specifiersOf(source: string): string[] {
  const found = [STATIC, BARE, DYNAMIC].flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1]));
  return found.filter((specifier): specifier is string => specifier?.startsWith('.') === true);
}

/** The file a relative specifier names (`./x.js` is `./x.ts` in the source), or null when there is none. */
export function resolveSpecifier(from: string, specifier: string, exists = fileExists): string | null {
  const target = path.posix.join(path.posix.dirname(from), specifier);
  const stem = target.replace(/\.(js|mjs|jsx)$/, '');
  const candidates = [`${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, target, `${target}/index.ts`];
  return candidates.find(exists) ?? null;
}

function fileExists(file: string): boolean {
  return fs.statSync(path.join(ROOT, file), { throwIfNoEntry: false })?.isFile() === true;
}

export type ImportGraph = Map<string, string[]>;

export function importGraph(files: readonly string[], read: (file: string) => string): ImportGraph {
  const known = new Set(files);
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const targets = specifiersOf(read(file))
      .map((specifier) => resolveSpecifier(file, specifier, (candidate) => known.has(candidate)))
      .filter((target): target is string => target !== null);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/**
 * Every circle, as the files of each strongly connected part of the graph (Tarjan's algorithm), sorted; a file that
 * imports itself is a circle of one.
 */
export function importCircles(graph: ImportGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file) ?? 0, index.get(next) ?? 0));
    }
    if (low.get(file) !== index.get(file)) return;
    const part: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      part.push(member);
    } while (member !== file);
    if (part.length > 1 || graph.get(file)?.includes(file)) circles.push(part.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return circles.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}
