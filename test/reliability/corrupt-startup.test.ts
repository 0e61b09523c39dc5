// Start-up on damaged data: Shelfwatch starts, moves a bad file aside, recovers from the journal and says so.
// Each row damages a folder seeded with three acknowledged postbacks (store.db, documents.json and its previous
// generation, one journal segment).
// (P2: the store always opens or recovers.)
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeRecord } from '../../main/engine/journal/codec.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { captureLog } from './helpers/capture-log.js';
import { productOrNull, settled, startEngine } from './helpers/engine-harness.js';
import { itemJson, post } from './helpers/postbacks.js';
import {
  emptyStore,
  foreignStore,
  garbageWal,
  jsonTextStore,
  nulFilledStore,
  truncatedStore,
} from './helpers/store-damage.js';

const ITEMS = ['c1', 'c2', 'c3'];

async function seed(dir: string): Promise<void> {
  const test = await startEngine(dir, { checkpoint: { quietMs: 1, maxDelayMs: 2 } });
  for (const item of ITEMS) {
    expect(await post(test, itemJson(item))).toEqual([200]);
    await settled(test.engine, dir);
    await new Promise((resolve) => setTimeout(resolve, 20)); // one checkpoint each: documents.json and its .prev
  }
  await test.close();
}

const file = (dir: string, name: string) => path.join(dir, name);
const segment = (dir: string) => path.join(dir, 'journal', fs.readdirSync(path.join(dir, 'journal'))[0] ?? '');
const rewrite = (target: string, change: (bytes: Buffer) => Buffer | string) =>
  fs.writeFileSync(target, change(fs.readFileSync(target)));

interface Row {
  name: string;
  damage(dir: string): void;
  /** what the user is told (status notices), or null when nothing needs telling */
  notice: RegExp | null;
  /** a file name pattern that must exist afterwards (moved aside) */
  movedAside?: RegExp;
}

const REBUILT = /damaged.*rebuilt from the journal/;
const SECRETS_RESTORED = /secrets\.json could not be read.*restored from its copy.*postback URL is unchanged/;
const DOCUMENTS_REBUILT = /settings and watches could not be read.*rebuilt from the journal/;

const rows: Row[] = [
  {
    name: 'an empty store.db',
    damage: emptyStore,
    notice: REBUILT,
    movedAside: /^store\.db\.corrupt-/,
  },
  {
    name: 'a truncated store.db',
    damage: truncatedStore,
    notice: REBUILT,
    movedAside: /^store\.db\.corrupt-/,
  },
  {
    name: 'a NUL-filled store.db',
    damage: nulFilledStore,
    notice: REBUILT,
    movedAside: /^store\.db\.corrupt-/,
  },
  {
    name: 'store.db holding JSON text',
    damage: jsonTextStore,
    notice: REBUILT,
    movedAside: /^store\.db\.corrupt-/,
  },
  {
    name: 'store.db being another program’s SQLite database',
    damage: foreignStore,
    notice: REBUILT,
    movedAside: /^store\.db\.corrupt-/,
  },
  {
    name: 'trailing garbage after store.db (SQLite reads only the pages its header names)',
    damage: (d) => rewrite(file(d, 'store.db'), (b) => Buffer.concat([b, Buffer.from('}}garbage\u0000')])),
    notice: null,
  },
  {
    name: 'a garbage write-ahead log beside store.db (its frames fail their checksums)',
    damage: garbageWal,
    notice: null,
  },
  {
    name: 'a missing store.db (rebuilt from the journal)',
    damage: (d) => fs.rmSync(file(d, 'store.db')),
    notice: null,
  },
  {
    name: 'an empty documents.json (the previous generation is used)',
    damage: (d) => fs.writeFileSync(file(d, 'documents.json'), ''),
    notice: DOCUMENTS_REBUILT,
    movedAside: /^documents\.json\.corrupt-/,
  },
  {
    name: 'documents.json holding another program’s JSON array',
    damage: (d) => fs.writeFileSync(file(d, 'documents.json'), '[1,2,3]'),
    notice: DOCUMENTS_REBUILT,
    movedAside: /^documents\.json\.corrupt-/,
  },
  {
    name: 'both documents generations damaged (rebuilt from the journal alone)',
    damage: (d) => {
      rewrite(file(d, 'documents.json'), (b) => b.subarray(0, 10));
      rewrite(file(d, 'documents.prev.json'), (b) => b.subarray(0, 10));
    },
    notice: DOCUMENTS_REBUILT,
    movedAside: /^documents\.prev\.json\.corrupt-/,
  },
  {
    name: 'a missing documents.json (the previous generation is used)',
    damage: (d) => fs.rmSync(file(d, 'documents.json')),
    notice: null,
  },
  {
    name: 'every store file missing',
    damage: (d) => {
      for (const name of ['store.db', 'documents.json', 'documents.prev.json']) fs.rmSync(file(d, name));
    },
    notice: null,
  },
  {
    name: 'a stale temp file from an unfinished documents write',
    damage: (d) => fs.writeFileSync(file(d, 'documents.json.tmp'), '{"half":'),
    notice: null,
  },
  {
    name: 'a stale secrets temp file',
    damage: (d) => fs.writeFileSync(file(d, 'secrets.json.tmp'), 'x'),
    notice: null,
  },
  {
    name: 'a missing secrets.json (restored from its copy)',
    damage: (d) => fs.rmSync(file(d, 'secrets.json')),
    notice: SECRETS_RESTORED,
  },
  {
    name: 'a damaged secrets.json (restored from its copy)',
    damage: (d) => fs.writeFileSync(file(d, 'secrets.json'), '\u0000\u0000'),
    notice: SECRETS_RESTORED,
    movedAside: /^secrets\.json\.corrupt-/,
  },
  {
    name: 'a stale lock file of a dead process',
    damage: (d) => fs.writeFileSync(file(d, 'shelfwatch.lock'), '999999'),
    notice: null,
  },
  {
    name: 'a torn journal tail',
    damage: (d) =>
      fs.appendFileSync(
        segment(d),
        encodeRecord({
          seq: 4,
          at: 4,
          type: 'postback',
          raw: { method: 'POST', query: '', contentType: '', headers: {}, body: '{}' },
        }).slice(0, 25),
      ),
    notice: null,
  },
  {
    name: 'NUL bytes after the journal’s last line (preallocated blocks)',
    damage: (d) => fs.appendFileSync(segment(d), Buffer.alloc(4096)),
    notice: null,
  },
  {
    name: 'a checksum mismatch in the middle of a segment, store gone',
    damage: (d) => {
      const lines = fs.readFileSync(segment(d), 'utf8').split('\n');
      lines[1] = (lines[1] ?? '').replace('c2', 'cX');
      fs.writeFileSync(segment(d), lines.join('\n'));
      for (const name of ['store.db', 'documents.json', 'documents.prev.json']) fs.rmSync(file(d, name));
    },
    notice: /1 damaged journal record\(s\) could not be read/,
  },
  {
    name: 'a missing journal folder (the store alone)',
    damage: (d) => fs.rmSync(path.join(d, 'journal'), { recursive: true }),
    notice: null,
  },
  {
    name: 'an empty journal segment',
    damage: (d) => fs.writeFileSync(path.join(d, 'journal', '000000000099.jsonl'), ''),
    notice: null,
  },
];

describe('start-up on damaged data', () => {
  for (const row of rows) {
    it(`starts on ${row.name}, recovers, and ${row.notice ? 'tells the user' : 'needs to tell nothing'}`, async () => {
      const temp = makeTempDir('shelfwatch-corrupt-');
      try {
        await seed(temp.dir);
        row.damage(temp.dir);
        const log = captureLog();
        const test = await startEngine(temp.dir, { log });
        try {
          const status = await test.engine.api.status(undefined);
          if (row.notice) expect(status.notices.map((notice) => notice.message).join(' ')).toMatch(row.notice);
          else expect(status.notices).toEqual([]);
          const expected = row.notice?.source.includes('damaged journal') ? ['c1', 'c3'] : ITEMS;
          for (const item of expected) expect(await productOrNull(test.engine, `77:${item}`)).not.toBeNull();
          if (row.movedAside) expect(fs.readdirSync(temp.dir).some((name) => row.movedAside?.test(name))).toBe(true);
          expect(fs.existsSync(file(temp.dir, 'documents.json.tmp'))).toBe(false);
          // And it keeps working: a new postback is journaled after the last sequence number and applied.
          expect(await post(test, itemJson('c4'))).toEqual([200]);
          await settled(test.engine, temp.dir);
          expect(await productOrNull(test.engine, '77:c4')).not.toBeNull();
        } finally {
          await test.close();
        }
      } finally {
        temp.remove();
      }
    });
  }
});
