// Bundles the Node side: the server face (ESM), the Electron main process and the preload (CommonJS: sandboxed
// preloads must be CommonJS, and lowdb is ESM-only so it is bundled in rather than required).
import { existsSync } from 'node:fs';
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };
const entries = [
  { entryPoints: ['main/serve.ts'], outfile: 'dist/main/serve.mjs', format: 'esm', packages: 'external' },
  { entryPoints: ['main/index.ts'], outfile: 'dist/main/index.cjs', format: 'cjs', external: ['electron'] },
  { entryPoints: ['main/preload.ts'], outfile: 'dist/main/preload.cjs', format: 'cjs', external: ['electron'] },
];
for (const entry of entries) {
  if (!existsSync(entry.entryPoints[0])) continue;
  await build({ ...common, ...entry });
}
