// The repository's source as text, for the tests that read it whole (import cycles, paths named in comments).
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every folder of code: the two faces and the engine, the contract, the UI, and what tests and builds it. */
export const SOURCE_FOLDERS = ['main', 'shared', 'renderer', 'test', 'scripts', 'bench'] as const;

const SOURCE_FILE = /\.(ts|tsx|mts|mjs)$/;

/** Paths relative to the repository root, with '/' separators, sorted. */
export function sourceFiles(folders: readonly string[] = SOURCE_FOLDERS): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, relative), { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(child);
      } else if (SOURCE_FILE.test(entry.name)) found.push(child);
    }
  };
  for (const folder of folders) walk(folder);
  return found.sort();
}

export function readSource(file: string): string {
  return fs.readFileSync(path.join(ROOT, file), 'utf8');
}
