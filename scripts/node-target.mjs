// esbuild's `target` for the Node side, from package.json's `engines.node` (">=22.12" → "node22.12"): the bundles
// use what the oldest supported Node runs, and raising `engines` raises the target with it.
import { readFileSync } from 'node:fs';

const PACKAGE_JSON = new URL('../package.json', import.meta.url);

export function nodeTarget(packageJson = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8'))) {
  const range = String(packageJson.engines?.node ?? '');
  const version = /^>=\s*(\d+(?:\.\d+){0,2})$/.exec(range.trim())?.[1];
  if (version === undefined) {
    throw new Error(
      `package.json's engines.node must read ">=<version>" for the build to follow it; it is "${range}".`,
    );
  }
  return `node${version}`;
}
