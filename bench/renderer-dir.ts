// The built UI the server face serves for the first-render figure: dist/renderer (npm run build), or a fresh
// build into the bench's temp folder when asked (--build-ui) or when dist/renderer is missing, so the bench never
// touches the shared dist/ another engineer may be building into.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const DIST_RENDERER = path.resolve('dist/renderer');

export function rendererDir(options: { buildUi: boolean; quick: boolean; tempRoot: string }): string {
  if (!options.buildUi && fs.existsSync(path.join(DIST_RENDERER, 'index.html'))) return DIST_RENDERER;
  // The smoke run must stay short: without a build it reports the figure as missing instead of building.
  if (options.quick && !options.buildUi) return DIST_RENDERER;
  const outDir = path.join(options.tempRoot, 'renderer');
  execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  return outDir;
}
