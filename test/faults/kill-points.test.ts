// kill -9 at each deterministic point of a postback's path: inside and after the journal append, between fsync and
// answer, between answer and apply, between apply and checkpoint, and at each step of the checkpoint. Each kill is
// followed by a restart and a P1–P3 check against the ledger, then the unanswered postbacks are re-sent (retries)
// and checked again.
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir.js';
import { type Child, killHard, sendItem, startChild } from './child-harness.js';
import { restartAndCheck } from './ledger-check.js';

const POINTS: [string, string][] = [
  ['write@journal#3:half', 'in the middle of a journal append (torn line)'],
  ['write@journal#3:after', 'after the append, before its fsync'],
  ['fdatasync@journal#3:after', 'after the fsync, before the answer'],
  ['fdatasync@journal#3:later', 'after the answer, before the apply'],
  ['open@journal#1:after', 'after creating a journal segment, before the directory fsync'],
  ['open@store#1:before', 'after the apply and the WAL checkpoint, before the documents are written'],
  ['write@store#1:half', 'in the middle of writing the documents temp file'],
  ['fsync@store#1:after', 'after the documents temp file is synced, before the renames'],
  ['rename@store#1:after', 'between documents.json → documents.prev.json and temp → documents.json'],
  ['rename@store#2:after', 'after the new documents.json is in place, before the directory fsync and pruning'],
];

const temps: { remove(): void }[] = [];
afterAll(() => {
  for (const temp of temps) temp.remove();
});
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends items one at a time until the child dies; returns the ledger and the unanswered items. */
async function driveUntilDead(child: Child, prefix: string) {
  const acknowledged: string[] = [];
  const unanswered: string[] = [];
  let dead = false;
  void child.exited.then(() => {
    dead = true;
  });
  for (let i = 0; i < 200 && !dead; i++) {
    const item = `${prefix}-${i}`;
    const status = await sendItem(child.port, item);
    (status === 200 ? acknowledged : unanswered).push(item);
    await pause(25); // lets the 50 ms checkpoint run between postbacks
  }
  await killHard(child);
  return { acknowledged, unanswered, reached: dead };
}

describe('kill -9 at deterministic points', () => {
  for (const [point, where] of POINTS) {
    it(`${where} (${point}): nothing acknowledged is lost, nothing is half-present or doubled`, async () => {
      const temp = makeTempDir('shelfwatch-killpoint-');
      temps.push(temp);
      // A folder with a checkpoint and a journal already, as after a while of running.
      const seed = await startChild(temp.dir);
      const seeded: string[] = [];
      for (let i = 0; i < 5; i++) if ((await sendItem(seed.port, `seed-${i}`)) === 200) seeded.push(`seed-${i}`);
      await pause(400);
      await killHard(seed);

      const run = await driveUntilDead(await startChild(temp.dir, point), 'kp');
      expect(run.reached).toBe(true);
      const ledger = [...seeded, ...run.acknowledged];
      const first = await restartAndCheck(temp.dir, ledger);
      expect({ lost: first.lost, half: first.half, twice: first.twice, damaged: first.damagedRecords }).toEqual({
        lost: [],
        half: [],
        twice: [],
        damaged: 0,
      });

      // impact.com re-sends what was not answered 200: each lands exactly once.
      const retry = await startChild(temp.dir);
      for (const item of run.unanswered) if ((await sendItem(retry.port, item)) === 200) ledger.push(item);
      await pause(300);
      await killHard(retry);
      const second = await restartAndCheck(temp.dir, ledger);
      expect({ lost: second.lost, half: second.half, twice: second.twice }).toEqual({ lost: [], half: [], twice: [] });
      expect(second.stored).toBe(new Set(ledger).size);
    }, 60_000);
  }
});
