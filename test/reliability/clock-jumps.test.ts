// Clock jumps: journal retention and ordering depend on sequence numbers, not the wall clock. A clock far in the
// future never prunes a record the store does not cover; a clock in the past never reorders or loses anything.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../main/engine/file-system.js';
import { encodeRecord } from '../../main/engine/journal/codec.js';
import { pruneSegments } from '../../main/engine/journal/index.js';
import { segmentName } from '../../main/engine/journal/segments.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { allFeed, productOrNull, settled, startEngine } from './helpers/engine-harness.js';
import { itemJson, post } from './helpers/postbacks.js';

const YEAR = 365 * 86_400_000;
const raw = { method: 'POST', query: '', contentType: '', headers: {}, body: '{}' };

/** Three segments: seq 1–2, 3–4, 5. */
function segments(dir: string): string[] {
  const write = (first: number, last: number) => {
    const lines = [];
    for (let seq = first; seq <= last; seq++) lines.push(encodeRecord({ seq, at: seq, type: 'postback', raw }));
    fs.writeFileSync(path.join(dir, segmentName(first)), lines.join(''));
  };
  write(1, 2);
  write(3, 4);
  write(5, 5);
  return fs.readdirSync(dir).sort();
}

describe('journal retention under clock jumps', () => {
  const cases: [string, number, number, string[]][] = [
    [
      'a clock 100 years ahead, nothing checkpointed',
      0,
      Date.now() + 100 * YEAR,
      [segmentName(1), segmentName(3), segmentName(5)],
    ],
    ['a clock 100 years ahead, seq 1–2 checkpointed', 2, Date.now() + 100 * YEAR, [segmentName(3), segmentName(5)]],
    [
      'a clock 100 years ahead, seq 1–3 checkpointed (segment 3–4 only half covered)',
      3,
      Date.now() + 100 * YEAR,
      [segmentName(3), segmentName(5)],
    ],
    [
      'a clock 100 years behind, everything checkpointed',
      5,
      Date.now() - 100 * YEAR,
      [segmentName(1), segmentName(3), segmentName(5)],
    ],
  ];
  for (const [name, coveredSeq, keepNewerThan, left] of cases) {
    it(`${name}: keeps ${left.length} segment(s)`, async () => {
      const temp = makeTempDir('shelfwatch-prune-');
      try {
        segments(temp.dir);
        await pruneSegments(nodeFileSystem, temp.dir, coveredSeq, keepNewerThan);
        expect(fs.readdirSync(temp.dir).sort()).toEqual(left);
      } finally {
        temp.remove();
      }
    });
  }
});

describe('the engine under clock jumps', () => {
  it('a clock jumping 10 years ahead and 20 back loses nothing across checkpoints and a restart', async () => {
    const temp = makeTempDir('shelfwatch-clock-');
    let now = Date.parse('2025-06-01T00:00:00Z');
    try {
      const test = await startEngine(temp.dir, { clock: () => now, checkpoint: { quietMs: 1, maxDelayMs: 2 } });
      const jumps = [0, 10 * YEAR, -20 * YEAR, 5 * YEAR];
      for (const [index, jump] of jumps.entries()) {
        now += jump;
        expect(await post(test, itemJson(`clock-${index}`))).toEqual([200]);
        await settled(test.engine, temp.dir);
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
      await test.close();
      const reopened = await startEngine(temp.dir, { clock: () => now });
      try {
        for (const index of jumps.keys())
          expect(await productOrNull(reopened.engine, `77:clock-${index}`)).not.toBeNull();
        const seqs = (await allFeed(reopened.engine)).map((entry) => entry.seq);
        expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
        expect(seqs).toHaveLength(jumps.length);
      } finally {
        await reopened.close();
      }
    } finally {
      temp.remove();
    }
  });
});
