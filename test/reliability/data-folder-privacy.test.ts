// The data folder holds secrets, and the products and prices a partner sees are private too: the folder is the
// user's alone (0700) and so is every file in it (0600), whatever made the file, and an older folder made 0755/0644
// is tightened at start.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../shared/contract/settings.js';
import { request } from '../helpers/http.js';
import { api, receiverUrl, startTestServer } from '../helpers/server.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { until } from '../helpers/until.js';
import { captureLog } from './helpers/capture-log.js';
import { settled, startEngine } from './helpers/engine-harness.js';
import { itemJson, post } from './helpers/postbacks.js';

const POSIX = process.platform !== 'win32';

/** Every file and folder under `dir` (the folder itself included) with its permission bits. */
function modes(dir: string): Map<string, number> {
  const found = new Map<string, number>([['.', fs.statSync(dir).mode & 0o777]]);
  for (const name of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    found.set(name, fs.statSync(path.join(dir, name)).mode & 0o777);
  }
  return found;
}

function expectPrivate(dir: string): void {
  const wrong = [...modes(dir)].filter(([name, mode]) => {
    const isFolder = fs.statSync(path.join(dir, name)).isDirectory();
    return mode !== (isFolder ? 0o700 : 0o600);
  });
  expect(wrong.map(([name, mode]) => `${name} ${mode.toString(8)}`)).toEqual([]);
}

/** Starts the engine on `dir`, changes something, and calls `whileOpen` with the folder as it is while running. */
async function runEngineOn(dir: string, whileOpen: () => void = () => {}, log = captureLog()) {
  const test = await startEngine(dir, { log, checkpoint: { quietMs: 1, maxDelayMs: 2 } });
  try {
    expect(await post(test, itemJson('private-1'))).toEqual([200]);
    await test.engine.api.updateSettings({ retention: { journalDays: 9 } });
    await settled(test.engine, dir);
    await new Promise((resolve) => setTimeout(resolve, 50)); // a checkpoint: documents.json, store.db synced
    whileOpen();
  } finally {
    await test.close();
  }
  return log;
}

describe.runIf(POSIX)('the data folder is private', () => {
  it('a new folder: created 0700, and every file the engine made is 0600', async () => {
    const temp = makeTempDir('shelfwatch-private-');
    const dir = path.join(temp.dir, 'data');
    try {
      await runEngineOn(dir, () => {
        const names = [...modes(dir).keys()];
        const expected = ['documents.json', 'store.db', 'store.db-wal', 'secrets.json', 'shelfwatch.lock', 'journal'];
        expect(names).toEqual(expect.arrayContaining(expected));
        expect(names.some((name) => name.startsWith('journal/'))).toBe(true);
        expectPrivate(dir);
      });
      expectPrivate(dir);
    } finally {
      temp.remove();
    }
  });

  it('an older folder (0755, files 0644) is tightened at start, and the log says so once', async () => {
    const temp = makeTempDir('shelfwatch-private-old-');
    try {
      await runEngineOn(temp.dir);
      fs.chmodSync(temp.dir, 0o755);
      for (const [name] of modes(temp.dir)) {
        const target = path.join(temp.dir, name);
        fs.chmodSync(target, fs.statSync(target).isDirectory() ? 0o755 : 0o644);
      }
      const first = await runEngineOn(temp.dir, () => expectPrivate(temp.dir));
      const said = (log: { lines: string[] }) => log.lines.filter((line) => line.includes('data folder private'));
      expect(said(first)).toHaveLength(1);
      expect(said(await runEngineOn(temp.dir, () => expectPrivate(temp.dir)))).toEqual([]);
    } finally {
      temp.remove();
    }
  });

  it('after a header value is set (server face): only the 0600 secrets files hold it, and the API masks it', async () => {
    const temp = makeTempDir('shelfwatch-private-grep-');
    const value = 'Hv-9f3c1e77d2a4-grep-me';
    const server = await startTestServer(temp.dir);
    try {
      await api(server, '/api/settings', {
        method: 'PATCH',
        body: { receiver: { headerName: 'X-Hub', headerValue: value } },
      });
      const settings = await api<Settings>(server, '/api/settings');
      expect(settings.receiver.headerValue).toBe('•••• (set)');
      const headers = { 'content-type': 'application/json', 'x-hub': value };
      expect((await request(receiverUrl(server), { method: 'POST', headers, body: itemJson('grep-1') })).status).toBe(
        200,
      );
      await settled(server.engine, temp.dir);
      // A checkpoint wrote the documents (and synced store.db) after the change: they are part of what is grepped.
      await until('a checkpoint', () => fs.existsSync(path.join(temp.dir, 'documents.json')));
      expect(filesHolding(temp.dir, value)).toEqual(['secrets.json', 'secrets.prev.json']);
      expectPrivate(temp.dir);
    } finally {
      await server.close();
    }
    expect(filesHolding(temp.dir, value)).toEqual(['secrets.json', 'secrets.prev.json']);
    expectPrivate(temp.dir);
    temp.remove();
  });
});

/** Every file under `dir` whose bytes contain `text` (SQLite pages and the WAL included). */
function filesHolding(dir: string, text: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => fs.statSync(path.join(dir, name)).isFile())
    .filter((name) => fs.readFileSync(path.join(dir, name)).includes(text))
    .sort();
}
