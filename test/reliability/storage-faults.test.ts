// ENOSPC, EIO, EPERM and EROFS (a folder gone read-only) from every operation of the FileSystem seam while running:
// never 200 for what could not be made durable (503 + Retry-After instead), old data intact, one clear fault in the
// status, recovery once the fault clears, and every acknowledged postback there after a restart. (P1, P2, P4)
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { faultyFileSystem } from '../fakes/faulty-fs.js';
import { request } from '../helpers/http.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { captureLog } from './helpers/capture-log.js';
import { productOrNull, SECRET, settled, startEngine, type TestEngine } from './helpers/engine-harness.js';
import { FAULT_CODES, FAULT_OPERATIONS } from './helpers/fault-operations.js';
import { itemJson } from './helpers/postbacks.js';

/** The operations every acknowledgement depends on, with the journal segment already open. */
const ON_ACK_PATH = new Set(['write', 'fdatasync']);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function postItem(test: TestEngine, item: string) {
  const response = await request(test.url(), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: itemJson(item),
  });
  return { item, status: response.status, retryAfter: response.headers['retry-after'] };
}

/** Whether the database on disk (read by a connection of its own) holds the product. */
function onDisk(dir: string, item: string): boolean {
  const db = new Database(path.join(dir, 'store.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT 1 FROM products WHERE key = ?').get(`77:${item}`) !== undefined;
  } finally {
    db.close();
  }
}

/** Waits until the store on disk holds the item and the documents file is written. */
async function checkpointed(dir: string, item: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (fs.existsSync(path.join(dir, 'documents.json')) && onDisk(dir, item)) return;
    await pause(10);
  }
  throw new Error(`the store never held ${item}`);
}

describe('storage faults while running', () => {
  for (const operation of FAULT_OPERATIONS) {
    for (const code of FAULT_CODES) {
      it(`${code} from ${operation}`, async () => {
        const temp = makeTempDir('shelfwatch-fault-');
        const faulty = faultyFileSystem();
        const log = captureLog();
        const test = await startEngine(temp.dir, {
          fileSystem: faulty.fsys,
          log,
          checkpoint: { quietMs: 5, maxDelayMs: 10 },
        });
        const acknowledged: string[] = [];
        try {
          expect((await postItem(test, 'before')).status).toBe(200);
          acknowledged.push('before');
          await settled(test.engine, temp.dir);
          await checkpointed(temp.dir, 'before');

          faulty.fail(operation, code);
          const during = await Promise.all(['during-1', 'during-2', 'during-3'].map((item) => postItem(test, item)));
          await pause(40); // a checkpoint attempt runs into the fault too
          for (const answer of during) {
            expect([200, 503]).toContain(answer.status);
            if (answer.status === 503) expect(answer.retryAfter).toBe('30');
            else acknowledged.push(answer.item);
          }
          const status = await test.engine.api.status(undefined);
          if (ON_ACK_PATH.has(operation)) {
            expect(during.map((answer) => answer.status)).toEqual([503, 503, 503]);
            expect(status.receiver.fault).toMatch(
              new RegExp(`^Cannot write to the data folder \\(${code}.*503.*retries`),
            );
          }
          // Old data intact: whatever the fault, the store on disk still reads and holds what it held.
          expect(onDisk(temp.dir, 'before')).toBe(true);
          expect(JSON.parse(fs.readFileSync(path.join(temp.dir, 'documents.json'), 'utf8')).version).toBe(1);

          faulty.heal();
          const after = await postItem(test, 'after');
          expect(after.status).toBe(200);
          acknowledged.push('after');
          await settled(test.engine, temp.dir);
          expect((await test.engine.api.status(undefined)).receiver.fault).toBeNull();
        } finally {
          faulty.heal();
          await test.close();
        }
        expect(log.lines.join('\n')).not.toContain(SECRET);

        const reopened = await startEngine(temp.dir);
        try {
          for (const item of acknowledged) expect(await productOrNull(reopened.engine, `77:${item}`)).not.toBeNull();
          expect((await reopened.engine.api.status(undefined)).notices).toEqual([]);
        } finally {
          await reopened.close();
          temp.remove();
        }
      });
    }
  }
});
