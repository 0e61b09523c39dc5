// The desktop app loads SQLite's native module from a build of its own (Electron's ABI differs from Node's): from
// node_modules when run with `npm start`, from the resources folder when packaged. The engine takes the file it is
// given, and a module that cannot load stops the start with its own error without touching the store.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteBindingPath } from '../../main/desktop/sqlite-binding.js';
import { DB_FILE, openDatabase, setSqliteBinding } from '../../main/engine/store/db/open.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const require = createRequire(import.meta.url);
/** The Node build `npm install` made: a real module for this test to load through the same option. */
const nodeBuild = path.join(
  path.dirname(require.resolve('better-sqlite3/package.json')),
  'build',
  'Release',
  'better_sqlite3.node',
);

afterEach(() => setSqliteBinding(undefined));

describe('SQLite for the desktop app', () => {
  it('is the project’s Electron build when unpackaged, the one in resources when packaged', () => {
    const paths = { appPath: '/src/shelfwatch', resourcesPath: '/opt/Shelfwatch/resources' };
    expect(sqliteBindingPath({ ...paths, isPackaged: false })).toBe(
      path.join('/src/shelfwatch', 'node_modules', '.shelfwatch-electron', 'better_sqlite3.node'),
    );
    expect(sqliteBindingPath({ ...paths, isPackaged: true })).toBe(
      path.join('/opt/Shelfwatch/resources', 'native', 'better_sqlite3.node'),
    );
  });

  it('opens the store through the module it is given', () => {
    const temp = makeTempDir('shelfwatch-binding-');
    try {
      setSqliteBinding(nodeBuild);
      const opened = openDatabase(temp.dir, Date.now);
      expect(opened.db.pragma('journal_mode', { simple: true })).toBe('wal');
      opened.db.close();
    } finally {
      temp.remove();
    }
  });

  it('a module that cannot load stops the start and leaves store.db where it is', () => {
    const temp = makeTempDir('shelfwatch-binding-');
    try {
      openDatabase(temp.dir, Date.now).db.close();
      const missing = path.join(temp.dir, 'no-such', 'better_sqlite3.node');
      setSqliteBinding(missing);
      expect(() => openDatabase(temp.dir, Date.now)).toThrow(/no-such/);
      expect(fs.readdirSync(temp.dir).filter((name) => name.startsWith(DB_FILE))).toContain(DB_FILE);
      expect(fs.readdirSync(temp.dir).some((name) => name.includes('damaged') || name.includes('corrupt'))).toBe(false);
    } finally {
      temp.remove();
    }
  });
});
