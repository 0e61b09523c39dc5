// A file locked by another process (Windows sharing violations surface as EBUSY/EPERM): the checkpoint retries with
// a bounded, growing delay (no busy loop) while postbacks keep being acknowledged from the journal and applied to
// the database, the documents file on disk stays intact, and it is written once the lock goes away. A locked
// journal answers 503, one attempt per request.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { faultyFileSystem } from '../fakes/faulty-fs.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { captureLog } from '../reliability/helpers/capture-log.js';
import { settled, startEngine } from '../reliability/helpers/engine-harness.js';
import { itemJson, post } from '../reliability/helpers/postbacks.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** What the documents file on disk says it covers (every journal record up to this seq). */
const documentsSeq = (dir: string) =>
  (JSON.parse(fs.readFileSync(path.join(dir, 'documents.json'), 'utf8')) as { appliedSeq: number }).appliedSeq;

describe('a file locked by another process', () => {
  it('store locked: bounded retries, postbacks still acknowledged, store written once unlocked', async () => {
    const temp = makeTempDir('shelfwatch-locked-');
    const faulty = faultyFileSystem();
    const log = captureLog();
    const test = await startEngine(temp.dir, {
      fileSystem: faulty.fsys,
      log,
      checkpoint: { quietMs: 10, maxDelayMs: 20 },
    });
    try {
      expect(await post(test, itemJson('L0'))).toEqual([200]);
      await settled(test.engine, temp.dir);
      await pause(100);
      const before = documentsSeq(temp.dir);
      expect(before).toBe(1);

      faulty.fail('rename', 'EBUSY');
      const renamesBefore = faulty.calls.rename ?? 0;
      // Postbacks keep arriving (each one asks for a checkpoint) for 6 s while the store stays locked.
      for (let i = 1; i <= 60; i++) {
        expect(await post(test, itemJson(`L${i}`))).toEqual([200]);
        await pause(100);
      }
      const attempts = (faulty.calls.rename ?? 0) - renamesBefore;
      // 1 s, 2 s, 4 s … apart: at most a handful of attempts in 6 s, never a busy loop.
      expect(attempts).toBeGreaterThanOrEqual(2);
      expect(attempts).toBeLessThanOrEqual(4);
      expect(documentsSeq(temp.dir)).toBe(before);
      expect(log.lines.filter((line) => line.includes('Could not save the store')).length).toBe(attempts);
      expect((await test.engine.api.product({ key: '77:L60' })).product.catalogItemId).toBe('L60'); // applied

      faulty.heal();
      for (let i = 0; i < 100 && documentsSeq(temp.dir) < 61; i++) await pause(100);
      expect(documentsSeq(temp.dir)).toBe(61);
    } finally {
      faulty.heal();
      await test.close();
      temp.remove();
    }
  }, 30_000);

  it('journal locked: 503 with one write attempt per request, then 200 once unlocked', async () => {
    const temp = makeTempDir('shelfwatch-locked-');
    const faulty = faultyFileSystem();
    // No checkpoint in the window, so every write counted is the journal's.
    const test = await startEngine(temp.dir, {
      fileSystem: faulty.fsys,
      checkpoint: { quietMs: 60_000, maxDelayMs: 60_000 },
    });
    try {
      expect(await post(test, itemJson('J0'))).toEqual([200]);
      faulty.fail('write', 'EBUSY');
      const writesBefore = faulty.calls.write ?? 0;
      for (let i = 1; i <= 5; i++) expect(await post(test, itemJson(`J${i}`))).toEqual([503]);
      expect((faulty.calls.write ?? 0) - writesBefore).toBe(5);
      faulty.heal();
      expect(await post(test, itemJson('J6'))).toEqual([200]);
    } finally {
      await test.close();
      temp.remove();
    }
  });
});
