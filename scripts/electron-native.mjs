// `npm start` runs this after the build: SQLite's native module (better-sqlite3) as Electron needs it. `npm install`
// builds it for Node, which the tests and `npm run serve` keep using; Electron has its own ABI, so a second copy is
// built here against Electron's headers (downloaded by @electron/rebuild, or a prebuilt binary when one exists) into
// node_modules/.shelfwatch-electron/ — once per Electron and better-sqlite3 version. The desktop app loads it from
// there (main/desktop/sqlite-binding.ts), and electron-builder.yml ships the same file in a packaged app.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, 'node_modules', '.shelfwatch-electron');
const BINDING = path.join(OUT_DIR, 'better_sqlite3.node');
const STAMP = path.join(OUT_DIR, 'built-for.json');

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = require('better-sqlite3/package.json').version;
const wanted = JSON.stringify({ electronVersion, sqliteVersion, platform: process.platform, arch: process.arch });

if (fs.existsSync(BINDING) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === wanted) process.exit(0);

process.stdout.write(`Building SQLite (better-sqlite3 ${sqliteVersion}) for Electron ${electronVersion}, once…\n`);
const work = path.join(OUT_DIR, 'work');
fs.rmSync(OUT_DIR, { recursive: true, force: true });
// A project of its own holding a copy of the package, so the Node build in node_modules stays as it is.
const nodeBuild = path.join(sqliteDir, 'build');
fs.cpSync(sqliteDir, path.join(work, 'node_modules', 'better-sqlite3'), {
  recursive: true,
  filter: (source) => source !== nodeBuild && !source.startsWith(nodeBuild + path.sep),
});
fs.writeFileSync(
  path.join(work, 'package.json'),
  JSON.stringify({
    name: 'shelfwatch-electron-native',
    private: true,
    dependencies: { 'better-sqlite3': sqliteVersion },
  }),
);
try {
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: work, electronVersion, onlyModules: ['better-sqlite3'], force: true });
} catch (error) {
  process.stderr.write(
    `Could not build SQLite for Electron: ${error instanceof Error ? error.message : error}\n` +
      'It needs the network once (Electron headers or a prebuilt binary) and a C++ toolchain. ' +
      '`npm run serve` runs the same app in your browser meanwhile.\n',
  );
  process.exit(1);
}
fs.copyFileSync(path.join(work, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), BINDING);
fs.rmSync(work, { recursive: true, force: true });
fs.writeFileSync(STAMP, wanted);
process.stdout.write(`SQLite for Electron: ${path.relative(ROOT, BINDING)}\n`);
