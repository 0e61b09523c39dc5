// Every repository path a source comment (or the README, or the architecture page) names exists: a pointer to a
// moved file sends its reader nowhere.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commentsOf, pathsIn } from './comment-paths.js';
import { ROOT, readSource, sourceFiles } from './source-files.js';

/** A comment naming a built `.js` file means its TypeScript source. */
function exists(repositoryPath: string): boolean {
  const stem = repositoryPath.replace(/\.js$/, '');
  return [repositoryPath, `${stem}.ts`, `${stem}.tsx`].some((candidate) => fs.existsSync(path.join(ROOT, candidate)));
}

describe('paths named in comments', () => {
  it('are found in line and block comments, not in strings or URLs', () => {
    const source = [
      '// see main/desktop/ipc-bridge.ts, and test/desktop/ for its tests.',
      '/** checked by shared/contract/routes.ts */',
      "const file = 'main/not-a-comment.ts'; // https://example.com/main/page",
      '// globs and placeholders are not paths: test/**/*.test.ts, main/server/remote-*.ts, test/<folder>/',
    ].join('\n');
    expect(commentsOf(source).flatMap(pathsIn)).toEqual([
      'main/desktop/ipc-bridge.ts',
      'test/desktop/',
      'shared/contract/routes.ts',
    ]);
  });

  it('exist in the repository', () => {
    const named = sourceFiles().flatMap((file) =>
      commentsOf(readSource(file))
        .flatMap(pathsIn)
        .map((named) => ({ file, named })),
    );
    expect(named.length).toBeGreaterThan(30);
    expect(named.filter(({ named }) => !exists(named))).toEqual([]);
  });

  it('exist in the repository when the README or the architecture page names them', () => {
    const named = ['README.md', 'docs/ARCHITECTURE.md'].flatMap((file) =>
      pathsIn(readSource(file)).map((named) => ({ file, named })),
    );
    expect(named.length).toBeGreaterThan(30);
    expect(named.filter(({ named }) => !exists(named))).toEqual([]);
  });
});
