// The e2e tests drive the built app (what `npm run serve` ships), not the Vite dev server. CI runs `npm run build`
// first; a local run builds whatever is missing so the suite works from a fresh clone too.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const SERVE_ENTRY = path.join(ROOT, 'dist/main/serve.mjs');
const RENDERER_INDEX = path.join(ROOT, 'dist/renderer/index.html');

/** Builds the renderer and the server face if either is missing (an existing build is trusted, as in CI). */
export function ensureBuilt(): void {
  if (!fs.existsSync(RENDERER_INDEX)) {
    execFileSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
  if (!fs.existsSync(SERVE_ENTRY)) {
    execFileSync(process.execPath, ['scripts/build-main.mjs'], { cwd: ROOT, stdio: 'inherit' });
  }
}
