// No import circle anywhere in the source, type-only imports included: a circle means no file of it can be read
// (or moved, or tested) without the others. And shared/ keeps its layers: the contract below the domain rules, both
// below the faces and the UI.
import { describe, expect, it } from 'vitest';
import { importCircles, importGraph, specifiersOf } from './import-graph.js';
import { readSource, sourceFiles } from './source-files.js';

const files = sourceFiles();
const graph = importGraph(files, readSource);
const importsOf = (file: string) => graph.get(file) ?? [];

describe('imports', () => {
  it('are read whatever their form: type-only, re-exports, multi-line, side effects, dynamic', () => {
    const source = [
      "import type { A } from './a.js';",
      "import { type B, c } from '../b.js';",
      "export type { D } from './d.js';",
      'export {',
      '  e,',
      '  f,',
      "} from './ef.js';",
      "import './side.js';",
      "const lazy = await import('./lazy.js');",
      "import { z } from 'zod';",
      "const text = 'import nothing from here';",
    ].join('\n');
    expect(specifiersOf(source)).toEqual(['./a.js', '../b.js', './d.js', './ef.js', './side.js', './lazy.js']);
  });

  it('circles are found, including one made only of type imports', () => {
    const sample = new Map([
      ['a.ts', "import type { B } from './b.js';"],
      ['b.ts', "import type { A } from './a.js';\nimport { c } from './c.js';"],
      ['c.ts', ''],
    ]);
    const sampleGraph = importGraph([...sample.keys()], (file) => sample.get(file) ?? '');
    expect(importCircles(sampleGraph)).toEqual([['a.ts', 'b.ts']]);
  });

  it('form no circle anywhere in the source', () => {
    expect(files.length).toBeGreaterThan(400);
    expect(importsOf('shared/contract/api.ts')).toContain('shared/contract/methods.ts');
    expect(importCircles(graph)).toEqual([]);
  });

  it('keep shared/ in its layers: the contract imports no domain rule, and shared/ no face or UI', () => {
    const crossing = (from: string, into: readonly string[]) =>
      files
        .filter((file) => file.startsWith(from))
        .flatMap((file) => importsOf(file).map((target) => `${file} → ${target}`))
        .filter((edge) => into.some((folder) => edge.split(' → ')[1]?.startsWith(folder)));
    expect(crossing('shared/contract/', ['shared/domain/', 'main/', 'renderer/'])).toEqual([]);
    expect(crossing('shared/', ['main/', 'renderer/', 'test/'])).toEqual([]);
    expect(crossing('renderer/', ['main/'])).toEqual([]);
  });

  it('keep the bottom of the contract free of imports: enums, the routes (which the preload bundles), errors', () => {
    for (const file of ['shared/contract/enums.ts', 'shared/contract/routes.ts', 'shared/contract/errors.ts']) {
      expect({ file, imports: specifiersOf(readSource(file)) }).toEqual({ file, imports: [] });
    }
  });
});
