// Bundles the Node side: the server face (ESM), the Electron main process and the preload (CommonJS: sandboxed
// preloads must be CommonJS, and lowdb is ESM-only so it is bundled in rather than required).
// A missing entry file is an error, not a skip: a build without the preload or the server face is not a build.
import { existsSync } from 'node:fs';
import { build } from 'esbuild';
import { nodeTarget } from './node-target.mjs';

const common = { bundle: true, platform: 'node', target: nodeTarget(), sourcemap: true, logLevel: 'warning' };
const entries = [
  { entryPoints: ['main/serve.ts'], outfile: 'dist/main/serve.mjs', format: 'esm', packages: 'external' },
  { entryPoints: ['main/index.ts'], outfile: 'dist/main/index.cjs', format: 'cjs', external: ['electron'] },
  { entryPoints: ['main/preload.ts'], outfile: 'dist/main/preload.cjs', format: 'cjs', external: ['electron'] },
];

const missing = entries.map((entry) => entry.entryPoints[0]).filter((file) => !existsSync(file));
if (missing.length > 0) {
  process.stderr.write(`build-main: entry file(s) missing: ${missing.join(', ')} (run from the repository root)\n`);
  process.exit(1);
}
for (const entry of entries) await build({ ...common, ...entry });
