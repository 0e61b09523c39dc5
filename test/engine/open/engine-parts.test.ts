// The parts openEngine is composed of, each built alone on a temp folder: the writing path (journal, apply queue,
// checkpoints) carries a postback from the journal into the store and leaves both on disk; the data part replays a
// journal it finds onto the store it opens.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApplyEffects } from '../../../main/engine/apply/index.js';
import { createDataFolder } from '../../../main/engine/data-folder.js';
import { nodeFileSystem } from '../../../main/engine/file-system.js';
import { JournalWriter, readJournal, type StoredRecord } from '../../../main/engine/journal/index.js';
import { engineContext } from '../../../main/engine/open/context.js';
import { openData } from '../../../main/engine/open/open-data.js';
import { openWritingPath } from '../../../main/engine/open/writing-path.js';
import { postbackRecord } from '../../helpers/apply-harness.js';
import { openTestStore, type TestStore } from '../../helpers/store.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const at = Date.parse('2026-12-01T10:00:00Z');
const tent = { CatalogId: '24836', CatalogItemId: 'TENT-2P', Name: 'Trail Tent 2P', CurrentPrice: '199.00' };
const faults = { setFault() {}, setApplyFault() {}, setStoreFault() {} };
const silent = { info() {}, warn() {}, error() {} };

function testStore(): TestStore {
  const test = openTestStore();
  cleanups.push(() => test.close());
  return test;
}

describe('the writing path, built alone', () => {
  it('journals a postback, applies it, tells who listens, and on close has both the journal and the store on disk', async () => {
    const { store, dir } = testStore();
    const journalDir = path.join(dir, 'journal');
    fs.mkdirSync(journalDir);
    const writing = openWritingPath({
      store,
      dataDir: dir,
      journalDir,
      fsys: nodeFileSystem,
      clock: () => at,
      log: silent,
      lastSeq: 0,
      savedSeq: 0,
      board: faults,
      onDamage: (error) => {
        throw error;
      },
    });
    const told: ApplyEffects[] = [];
    writing.onApplied((effects) => told.push(...effects));

    const record = await writing.writer.append(postbackRecord(0, at, tent), at);
    await writing.queue.applied(record.seq);
    expect(record.seq).toBe(1);
    expect(told.flatMap((effects) => effects.entries).map((entry) => entry.product.key)).toEqual(['24836:TENT-2P']);
    expect(store.products.byKey('24836:TENT-2P')?.currentPrice).toBe(199);

    await writing.close();
    expect(store.writtenDocuments.appliedSeq).toBe(1); // the close's checkpoint covers the record
    const journaled: StoredRecord[] = [];
    await readJournal(nodeFileSystem, journalDir, 0, (stored) => journaled.push(stored));
    expect(journaled.map((stored) => [stored.seq, stored.type])).toEqual([[1, 'postback']]);
    await expect(writing.writer.append(postbackRecord(0, at, tent), at)).rejects.toThrow('journal is closed');
  });
});

describe('the data part, built alone', () => {
  it('opens a fresh folder and replays the journal it finds onto the new store', async () => {
    const { dir, remove } = makeTempDir();
    cleanups.push(remove);
    createDataFolder(dir);
    const writer = new JournalWriter({
      fsys: nodeFileSystem,
      dir: path.join(dir, 'journal'),
      lastSeq: 0,
      onDurable: () => {},
      onFault: () => {},
    });
    await writer.append(postbackRecord(0, at, tent), at);
    await writer.close();

    const data = await openData(engineContext({ dataDir: dir, clock: () => at }));
    cleanups.push(() => data.close());
    expect(data.legacy).toBeNull();
    expect(data.replay).toEqual({ lastSeq: 1, applied: 1 });
    expect(data.store.appliedSeq).toBe(1);
    expect(data.store.products.byKey('24836:TENT-2P')?.currentPrice).toBe(199);
    expect(data.secrets.secret).not.toBe('');
  });
});
