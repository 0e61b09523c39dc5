// The engine has one front door, main/engine/index.ts: the faces (desktop, server, follower, the composition roots)
// import nothing deeper, type-only imports included, so the engine's inside can be rearranged without touching them.
// Tests may still reach inside: they test the parts.
import { describe, expect, it } from 'vitest';
import { type ImportGraph, importGraph } from './import-graph.js';
import { readSource, sourceFiles } from './source-files.js';

const ENGINE = 'main/engine/';
const FRONT_DOOR = 'main/engine/index.ts';

/** Every import from outside the engine into a file of it other than the front door, as "importer → imported". */
function backDoors(graph: ImportGraph): string[] {
  return [...graph.entries()]
    .filter(([file]) => !file.startsWith(ENGINE))
    .flatMap(([file, targets]) => targets.map((target) => ({ file, target })))
    .filter(({ target }) => target.startsWith(ENGINE) && target !== FRONT_DOOR)
    .map(({ file, target }) => `${file} → ${target}`);
}

describe('the engine front door', () => {
  it('catches a deep import, type-only or not, and lets the front door and the inside through', () => {
    const sample = new Map([
      [FRONT_DOOR, "export { openEngine } from './open/open-engine.js';"],
      ['main/engine/open/open-engine.ts', "import { Store } from '../store/store.js';"],
      ['main/engine/store/store.ts', ''],
      ['main/engine/types.ts', ''],
      ['main/server/start.ts', "import { openEngine } from '../engine/index.js';"],
      ['main/desktop/face.ts', "import type { Logger } from '../engine/types.js';"],
      ['main/index.ts', "import { Store } from './engine/store/store.js';"],
    ]);
    const sampleGraph = importGraph([...sample.keys()], (file) => sample.get(file) ?? '');
    expect(backDoors(sampleGraph)).toEqual([
      'main/desktop/face.ts → main/engine/types.ts',
      'main/index.ts → main/engine/store/store.ts',
    ]);
  });

  it('is the only way into the engine from the rest of main/', () => {
    const files = sourceFiles(['main']);
    const graph = importGraph(files, readSource);
    // the rule has something to hold: the faces do use the engine, through its front door
    expect(graph.get('main/server/start.ts')).toContain(FRONT_DOOR);
    expect(graph.get('main/index.ts')).toContain(FRONT_DOOR);
    expect(backDoors(graph)).toEqual([]);
  });
});
