// Faults already present at start-up, from every operation of the FileSystem seam, and a really read-only data
// folder: Shelfwatch either starts (and refuses postbacks it cannot store with 503) or refuses to start with an error
// naming the fault; it never hangs, never keeps the lock, and starts with all data once the fault clears.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEngine } from '../../main/engine/index.js';
import { faultyFileSystem } from '../fakes/faulty-fs.js';
import { request } from '../helpers/http.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { productOrNull, SECRET, settled, startEngine } from './helpers/engine-harness.js';
import { FAULT_OPERATIONS } from './helpers/fault-operations.js';
import { itemJson, post } from './helpers/postbacks.js';

async function seeded(): Promise<{ dir: string; remove(): void }> {
  const temp = makeTempDir('shelfwatch-startfault-');
  const test = await startEngine(temp.dir);
  expect(await post(test, itemJson('seeded'))).toEqual([200]);
  await settled(test.engine, temp.dir);
  await test.close();
  return temp;
}

async function expectIntact(dir: string, items: string[]): Promise<void> {
  const test = await startEngine(dir);
  try {
    for (const item of items) expect(await productOrNull(test.engine, `77:${item}`)).not.toBeNull();
  } finally {
    await test.close();
  }
}

describe('faults present at start-up', () => {
  for (const operation of FAULT_OPERATIONS) {
    for (const code of ['EIO', 'EPERM', 'ENOSPC']) {
      it(`${code} from ${operation}: starts or refuses clearly, then recovers`, async () => {
        const temp = await seeded();
        const faulty = faultyFileSystem();
        faulty.fail(operation, code);
        const acknowledged = ['seeded'];
        try {
          const opened = await startEngine(temp.dir, { fileSystem: faulty.fsys }).catch((error: Error) => error);
          if (opened instanceof Error) {
            expect(opened.message).toContain(code);
          } else {
            try {
              const response = await request(opened.url(), {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: itemJson('during'),
              });
              expect([200, 503]).toContain(response.status);
              if (response.status === 200) acknowledged.push('during');
              else expect(response.headers['retry-after']).toBe('30');
            } finally {
              faulty.heal();
              await opened.close();
            }
          }
          faulty.heal();
          expect(fs.existsSync(path.join(temp.dir, 'shelfwatch.lock'))).toBe(false);
          await expectIntact(temp.dir, acknowledged);
        } finally {
          temp.remove();
        }
      });
    }
  }
});

/** A real read-only mount needs root and mount(8); elsewhere the seam's EROFS rows above stand in for it. */
function canMount(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = makeTempDir('shelfwatch-mountprobe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe.dir], { stdio: 'ignore' });
    execFileSync('umount', [probe.dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    probe.remove();
  }
}

// Skipped where mount(8) is not allowed (not root, not Linux): the seam's EROFS rows above cover the same path there.
describe.skipIf(!canMount())('a read-only data folder (a real read-only mount)', () => {
  it('refuses to start with an EROFS error, keeps the data, and starts once it is writable again', async () => {
    const temp = makeTempDir('shelfwatch-ro-');
    const mount = (...options: string[]) => execFileSync('mount', options, { stdio: 'ignore' });
    mount('-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', temp.dir);
    try {
      const first = await startEngine(temp.dir);
      expect(await post(first, itemJson('ro-1'))).toEqual([200]);
      await settled(first.engine, temp.dir);
      await first.close();
      mount('-o', 'remount,ro', temp.dir);
      await expect(openEngine({ dataDir: temp.dir, secret: SECRET })).rejects.toMatchObject({ code: 'EROFS' });
      mount('-o', 'remount,rw', temp.dir);
      await expectIntact(temp.dir, ['ro-1']);
    } finally {
      execFileSync('umount', [temp.dir], { stdio: 'ignore' });
      temp.remove();
    }
  });
});
