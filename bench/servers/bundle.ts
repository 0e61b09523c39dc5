// The servers under test run as esbuild bundles, like `npm run serve` runs the shipped dist/main/serve.mjs: run
// through tsx, every closure also pays for a keep-names helper call, which charged C (more closures) more than A.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { nodeTarget } from '../../scripts/node-target.mjs';

// Inside the repository (dist/ is ignored) so the bundles' bare imports (express, lowdb) resolve from node_modules.
const OUT_DIR = fileURLToPath(new URL('../../dist/bench/', import.meta.url));
/** The fan-out figure's hub is the server face itself, main/serve.ts, bundled as `npm run build` bundles it. */
/** The servers under test, side by side (bench/child-server.ts starts them). */
export type ServerName = 'noop' | 'naive' | 'shelfwatch';
type BundleName = ServerName | 'hub';
const ENTRIES: Record<BundleName, string> = {
  noop: './noop.ts',
  naive: './naive.ts',
  shelfwatch: './shelfwatch.ts',
  hub: '../../main/serve.ts',
};
const built = new Map<BundleName, Promise<string>>();

export function bundledServer(name: BundleName): Promise<string> {
  let bundle = built.get(name);
  if (!bundle) {
    const outfile = `${OUT_DIR}${name}.mjs`;
    bundle = build({
      entryPoints: [fileURLToPath(new URL(ENTRIES[name], import.meta.url))],
      outfile,
      bundle: true,
      platform: 'node',
      target: nodeTarget(),
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
    }).then(() => outfile);
    built.set(name, bundle);
  }
  return bundle;
}
