// The scripts a contributor runs first: `npm start`'s Electron check and the main-process build.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary, missingElectronMessage } from '../../scripts/check-electron.mjs';
import { nodeTarget } from '../../scripts/node-target.mjs';
import { makeTempDir } from '../helpers/temp-dir.js';
import { readSource, sourceFiles } from './source-files.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const script = (name: string) => path.join(ROOT, 'scripts', name);

describe('npm start: the Electron check', () => {
  it('finds the binary that path.txt names, and says what is missing otherwise', () => {
    const temp = makeTempDir('shelfwatch-electron-');
    try {
      expect(findElectronBinary(null, {})).toEqual({ ok: false, detail: 'the electron package is not installed' });
      expect(findElectronBinary(temp.dir, {})).toEqual({ ok: false, detail: 'its download was skipped or failed' });
      fs.writeFileSync(path.join(temp.dir, 'path.txt'), 'electron');
      expect(findElectronBinary(temp.dir, {})).toMatchObject({ ok: false, detail: /dist\/electron does not exist/ });
      fs.mkdirSync(path.join(temp.dir, 'dist'));
      fs.writeFileSync(path.join(temp.dir, 'dist', 'electron'), '');
      expect(findElectronBinary(temp.dir, {})).toEqual({ ok: true, binary: path.join(temp.dir, 'dist', 'electron') });
    } finally {
      temp.remove();
    }
  });

  it('prints one paragraph and exits non-zero when the binary is missing', () => {
    const empty = makeTempDir('shelfwatch-no-electron-');
    try {
      const run = spawnSync(process.execPath, [script('check-electron.mjs')], {
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty.dir },
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      const paragraph = run.stderr.trim();
      expect(paragraph.split('\n')).toHaveLength(1);
      expect(paragraph).toMatch(/^Shelfwatch's desktop app cannot start: Electron's binary is missing/);
      expect(paragraph).toContain('npx install-electron');
      expect(paragraph).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
      expect(paragraph).toContain('`npm run serve` gives you the same app in your browser');
      expect(missingElectronMessage('x')).toContain('(x)');
    } finally {
      empty.remove();
    }
  });
});

describe('the main-process build', () => {
  it('fails loudly, naming the entry files, when they are missing', () => {
    const elsewhere = makeTempDir('shelfwatch-build-');
    try {
      const run = spawnSync(process.execPath, [script('build-main.mjs')], { cwd: elsewhere.dir, encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('entry file(s) missing: main/serve.ts, main/index.ts, main/preload.ts');
      expect(fs.readdirSync(elsewhere.dir)).toEqual([]);
    } finally {
      elsewhere.remove();
    }
  });
});

describe("the bundles' Node target", () => {
  it("follows package.json's engines", () => {
    const engines = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as PackageJson).engines;
    expect(nodeTarget()).toBe(`node${engines.node.replace('>=', '')}`);
    expect(nodeTarget({ engines: { node: '>=24' } })).toBe('node24');
    expect(() => nodeTarget({ engines: { node: '^22.12' } })).toThrow(/engines.node must read ">=<version>"/);
  });

  it('is written nowhere by hand', () => {
    const handWritten = sourceFiles().filter((file) => /target:\s*['"]node\d/.test(readSource(file)));
    expect(handWritten).toEqual([]);
  });
});

interface PackageJson {
  engines: { node: string };
}
