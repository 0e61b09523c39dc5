// kill -9 at seeded-random moments under concurrent load, SHELFWATCH_CRASH_CYCLES times (default 200) over one data
// folder. Unanswered postbacks are re-sent in the next cycle, as impact.com would. After every kill: a restart and a
// check of P1–P3 against the ledger of everything answered 200. Prints the figures the README quotes.
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir.js';
import { killHard, loadUntilStopped, startChild } from './child-harness.js';
import { restartAndCheck } from './ledger-check.js';

const CYCLES = Number(process.env.SHELFWATCH_CRASH_CYCLES ?? 200);
const temp = makeTempDir('shelfwatch-killloop-');
afterAll(() => temp.remove());

/** mulberry32: a seeded PRNG, so a failing run can be replayed */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('kill -9 loop', () => {
  it(`loses no acknowledged postback over ${CYCLES} kills at random moments`, async () => {
    const next = random(Number(process.env.SHELFWATCH_CRASH_SEED ?? 4242));
    const ledger = new Set<string>();
    const flip = { next: 0, acknowledged: -1 };
    let retries: string[] = [];
    let lostTotal = 0;
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const child = await startChild(temp.dir);
      const load = loadUntilStopped(child.port, `k${cycle}`, 8, retries, flip);
      // Mostly short (mid-burst, between fsync and answer), sometimes long enough to land in a checkpoint.
      const delay = next() < 0.7 ? 5 + next() * 250 : 250 + next() * 1_000;
      await new Promise((resolve) => setTimeout(resolve, delay));
      await killHard(child);
      const { acknowledged, unanswered } = await load.stop();
      for (const item of acknowledged) ledger.add(item);
      retries = unanswered.filter((item) => !ledger.has(item));

      const report = await restartAndCheck(temp.dir, ledger, flip);
      lostTotal += report.lost.length;
      expect({
        cycle,
        lost: report.lost,
        half: report.half,
        twice: report.twice,
        damaged: report.damagedRecords,
        flip: report.flip,
      }).toEqual({
        cycle,
        lost: [],
        half: [],
        twice: [],
        damaged: 0,
        flip: null,
      });
      expect(report.notices).toEqual([]);
    }
    const final = await restartAndCheck(temp.dir, ledger, flip);
    console.info(
      `kill loop: ${CYCLES} kill -9 cycles, ${final.acknowledged} postbacks acknowledged, ${lostTotal} lost, ` +
        `${final.twice.length} applied twice, ${final.half.length} half-present, ${final.stored} stored, ` +
        `${flip.acknowledged + 1} stock/price flips of one item followed`,
    );
    expect(ledger.size).toBeGreaterThan(CYCLES * 3);
    expect(lostTotal).toBe(0);
  }, 1_200_000);
});
