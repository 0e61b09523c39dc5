// A second instance on the same data folder is refused with a clear message and never writes: not from another
// process, not from the same one, not when two start at once. A dead owner's lock is taken over.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFolderLockedError, openEngine } from '../../main/engine/index.js';
import { killHard, sendItem, startChild } from '../faults/child-harness.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const temp = makeTempDir('shelfwatch-second-');
afterAll(() => temp.remove());

const snapshotFolder = (dir: string) =>
  fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => {
      const stat = fs.statSync(path.join(dir, name));
      return `${name}:${stat.isFile() ? `${stat.size}:${stat.mtimeMs}` : 'dir'}`;
    });

describe('a second instance', () => {
  it('is refused while another process owns the folder, changes nothing, and may start once it is gone', async () => {
    const owner = await startChild(temp.dir);
    try {
      expect(await sendItem(owner.port, 'owned-1')).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const before = snapshotFolder(temp.dir);
      const refused = openEngine({ dataDir: temp.dir });
      await expect(refused).rejects.toBeInstanceOf(DataFolderLockedError);
      await expect(refused).rejects.toThrow(
        new RegExp(
          `^Another Shelfwatch \\(process ${owner.process.pid}\\) is already using the data folder .*Quit it first\\.$`,
        ),
      );
      expect(snapshotFolder(temp.dir)).toEqual(before);
    } finally {
      await killHard(owner);
    }
    const next = await openEngine({ dataDir: temp.dir });
    try {
      expect((await next.api.product({ key: '900:owned-1' })).product.name).toBe('Name owned-1');
    } finally {
      await next.close();
    }
  });

  it('only one of two engines opened at the same moment gets the folder', async () => {
    const results = await Promise.allSettled([openEngine({ dataDir: temp.dir }), openEngine({ dataDir: temp.dir })]);
    const opened = results.filter((result) => result.status === 'fulfilled');
    expect(opened).toHaveLength(1);
    expect(results.find((result) => result.status === 'rejected')?.reason).toBeInstanceOf(DataFolderLockedError);
    for (const result of opened) await result.value.close();
  });
});
