// `npm start` runs this before building: is Electron's binary there? Electron's own require('electron') would try to
// download it again and then print "failed to install correctly"; this only looks, and says in one paragraph what is
// missing, how to get it, and that `npm run serve` gives the same app in a browser. Plain Node, no app code.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where Electron's binary should be, following node_modules/electron/index.js (path.txt names it under dist/, or
 * under ELECTRON_OVERRIDE_DIST_PATH), and whether it is there.
 * @param {string | null} packageDir node_modules/electron, or null when the package is not installed
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ ok: true, binary: string } | { ok: false, detail: string }}
 */
export function findElectronBinary(packageDir, env) {
  if (!packageDir) return { ok: false, detail: 'the electron package is not installed' };
  const pathFile = path.join(packageDir, 'path.txt');
  const name = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!name && !override) return { ok: false, detail: 'its download was skipped or failed' };
  const binary = override ? path.join(override, name || 'electron') : path.join(packageDir, 'dist', name);
  return fs.existsSync(binary) ? { ok: true, binary } : { ok: false, detail: `${binary} does not exist` };
}

/** @param {string} detail */
export function missingElectronMessage(detail) {
  return (
    `Shelfwatch's desktop app cannot start: Electron's binary is missing (${detail}). ` +
    'Get it with `npx install-electron`, or run `npm install` again without ELECTRON_SKIP_BINARY_DOWNLOAD set. ' +
    'Meanwhile `npm run serve` gives you the same app in your browser.'
  );
}

function electronPackageDir() {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const found = findElectronBinary(electronPackageDir(), process.env);
  if (!found.ok) {
    process.stderr.write(`\n${missingElectronMessage(found.detail)}\n\n`);
    process.exit(1);
  }
}
