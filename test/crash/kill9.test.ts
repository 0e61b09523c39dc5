// Kills the server face with SIGKILL under concurrent postbacks, at different moments, many times over the same
// data folder. Afterwards every postback that was answered 200 must be in the store exactly once.
import { afterAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../main/engine/index.js';
import type { FeedEntry } from '../../shared/model.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { killHard, loadUntilStopped, startChild } from './crash-harness.js';

const CYCLES = Number(process.env.SHELFWATCH_CRASH_CYCLES ?? 6);
const temp = makeTempDir('shelfwatch-crash-');
afterAll(() => temp.remove());

async function allFeedEntries(api: Awaited<ReturnType<typeof openEngine>>['api']): Promise<FeedEntry[]> {
  const entries: FeedEntry[] = [];
  let before: string | undefined;
  for (;;) {
    const page = await api.feed({ limit: 200, before });
    entries.push(...page.items);
    if (!page.next) return entries;
    before = page.next;
  }
}

describe('kill -9 under load', () => {
  it(`loses no acknowledged postback and applies none twice over ${CYCLES} kills`, async () => {
    const ledger: string[] = [];
    const timings: number[] = [];
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const child = await startChild(temp.dir);
      const load = loadUntilStopped(child.receiverPort, `c${cycle}`, 8);
      // Kill at a different moment each cycle: early in the burst, mid-burst, around the checkpoint (≥1 s).
      const delay = [15, 60, 150, 400, 1100, 1600][cycle % 6] as number;
      await new Promise((resolve) => setTimeout(resolve, delay));
      const killedAt = performance.now();
      await killHard(child);
      await load.stop();
      timings.push(performance.now() - killedAt);
      ledger.push(...load.acknowledged);
    }
    expect(ledger.length).toBeGreaterThan(CYCLES * 5);

    const engine = await openEngine({ dataDir: temp.dir });
    try {
      const entries = await allFeedEntries(engine.api);
      const seen = new Map<string, number>();
      for (const entry of entries)
        seen.set(entry.product.catalogItemId, (seen.get(entry.product.catalogItemId) ?? 0) + 1);
      const lost = ledger.filter((item) => !seen.has(item));
      const twice = [...seen].filter(([, count]) => count > 1);
      console.info(
        `crash test: ${CYCLES} kills, ${ledger.length} acknowledged, ${lost.length} lost, ${twice.length} applied twice, ${seen.size} stored`,
      );
      expect(lost).toEqual([]);
      expect(twice).toEqual([]);
      const status = await engine.api.status(undefined);
      expect(status.receiver.received).toBe(seen.size);
    } finally {
      await engine.close();
    }
  }, 180_000);
});
