import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../main/engine/file-system.js';
import { encodeRecord } from '../../main/engine/journal/codec.js';
import { type JournalRecord, JournalWriter, readJournal, type StoredRecord } from '../../main/engine/journal/index.js';
import { faultyFileSystem } from '../fakes/faulty-fs.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const raw = (body: string) => ({ method: 'POST', query: '', contentType: 'application/json', headers: {}, body });
let temp = makeTempDir();
afterEach(() => {
  temp.remove();
  temp = makeTempDir();
});

function writer(fsys = nodeFileSystem, lastSeq = 0, durable: JournalRecord[] = []) {
  return new JournalWriter({
    fsys,
    dir: temp.dir,
    lastSeq,
    onDurable: (records) => durable.push(...records),
    onFault: () => {},
  });
}

async function readAll(afterSeq = 0) {
  const records: StoredRecord[] = [];
  const result = await readJournal(nodeFileSystem, temp.dir, afterSeq, (record) => records.push(record));
  return { records, result };
}

describe('journal', () => {
  it('numbers records in order and reads back those after a sequence number', async () => {
    const journal = writer();
    for (let i = 1; i <= 5; i++) await journal.append({ type: 'postback', raw: raw(`{"n":${i}}`) }, 1000 + i);
    await journal.close();
    const { records, result } = await readAll(2);
    expect(records.map((record) => record.seq)).toEqual([3, 4, 5]);
    expect(records[0]).toMatchObject({ type: 'postback', at: 1003, raw: { body: '{"n":3}' } });
    expect(result.lastSeq).toBe(5);
  });

  it('shares one fsync among requests that arrive while another fsync runs (group commit)', async () => {
    const faulty = faultyFileSystem();
    const journal = writer(faulty.fsys);
    await Promise.all(Array.from({ length: 200 }, (_, i) => journal.append({ type: 'postback', raw: raw(`${i}`) }, i)));
    await journal.close();
    expect((await readAll()).records).toHaveLength(200);
    expect(faulty.calls.fdatasync).toBeLessThanOrEqual(3);
  });

  it('resolves only after fsync, and hands durable records on in order', async () => {
    const faulty = faultyFileSystem();
    const durable: JournalRecord[] = [];
    const journal = writer(faulty.fsys, 0, durable);
    const record = await journal.append({ type: 'postback', raw: raw('a') }, 1);
    expect(faulty.calls.fdatasync).toBe(1);
    expect(durable.map((item) => item.seq)).toEqual([record.seq]);
    await journal.close();
  });

  it('rejects every caller of a batch whose fsync fails, leaves no half record, and recovers', async () => {
    const faulty = faultyFileSystem();
    const journal = writer(faulty.fsys);
    await journal.append({ type: 'postback', raw: raw('kept') }, 1);
    faulty.fail('fdatasync', 'EIO');
    await expect(journal.append({ type: 'postback', raw: raw('lost') }, 2)).rejects.toThrow(/EIO/);
    faulty.heal();
    await journal.append({ type: 'postback', raw: raw('after') }, 3);
    await journal.close();
    const { records, result } = await readAll();
    expect(records.map((record) => [record.seq, (record.raw as { body: string }).body])).toEqual([
      [1, 'kept'],
      [2, 'after'],
    ]);
    expect(result.damaged).toBe(0);
  });

  it('drops a torn last line and skips a damaged line in the middle, reporting both', async () => {
    const segment = path.join(temp.dir, '000000000001.jsonl');
    const line = (seq: number) => encodeRecord({ seq, at: seq, type: 'postback', raw: raw(`r${seq}`) });
    const damaged = line(2).replace('r2', 'rX');
    fs.writeFileSync(segment, line(1) + damaged + line(3) + line(4).slice(0, 30));
    const { records, result } = await readAll();
    expect(records.map((record) => record.seq)).toEqual([1, 3]);
    expect(result.damaged).toBe(1);
    expect(result.tornTail).toEqual({ path: segment, goodLength: (line(1) + damaged + line(3)).length });
  });

  it('continues numbering after the last record on disk', async () => {
    const first = writer();
    await first.append({ type: 'postback', raw: raw('a') }, 1);
    await first.close();
    const { result } = await readAll();
    const second = writer(nodeFileSystem, result.lastSeq);
    const record = await second.append({ type: 'postback', raw: raw('b') }, 2);
    await second.close();
    expect(record.seq).toBe(2);
    expect((await readAll()).records.map((item) => item.seq)).toEqual([1, 2]);
  });
});
