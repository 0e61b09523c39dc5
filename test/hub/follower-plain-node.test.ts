import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../main/follower/backoff.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every file main/follower/index.ts reaches through relative imports. */
function reachableFiles(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = fs.readFileSync(file, 'utf8');
    for (const [, specifier] of source.matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      visit(path.resolve(path.dirname(file), (specifier ?? '').replace(/\.js$/, '.ts')));
    }
  };
  visit(entry);
  return [...seen];
}

describe('the follower', () => {
  it('runs under plain Node: nothing it imports, directly or not, imports electron', () => {
    const files = reachableFiles(path.join(ROOT, 'main/follower/index.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      expect(fs.readFileSync(file, 'utf8'), path.relative(ROOT, file)).not.toMatch(
        /from 'electron'|require\('electron'\)/,
      );
    }
  });

  it('backs off exponentially with full jitter, capped at 60 s', () => {
    const ceilings = [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000];
    ceilings.forEach((ceiling, attempt) => {
      expect(backoffDelay(attempt, () => 0)).toBe(0);
      expect(backoffDelay(attempt, () => 0.5)).toBe(ceiling / 2);
      expect(backoffDelay(attempt, () => 0.999_999_999)).toBe(ceiling - 1);
    });
    expect(backoffDelay(10_000, () => 0.999_999_999)).toBe(59_999); // no overflow after days of retrying
  });
});
