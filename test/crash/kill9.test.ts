// The short kill -9 run of `npm test` (the long seeded loop is test/faults/kill-loop.test.ts): the engine in a
// child process under 8 concurrent senders is killed at a different moment each cycle, over the same data folder.
// Afterwards every postback that was answered 200 must be in the store exactly once.
import { afterAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../main/engine/index.js';
import type { FeedEntry } from '../../shared/contract/feed.js';
import { killHard, loadUntilStopped, startChild } from '../faults/child-harness.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const CYCLES = 6;
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
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const child = await startChild(temp.dir);
      const load = loadUntilStopped(child.port, `c${cycle}`, 8, []);
      // Early in the burst, mid-burst, and around the (shortened) checkpoints.
      await new Promise((resolve) => setTimeout(resolve, [15, 60, 150, 400, 700, 1100][cycle]));
      await killHard(child);
      ledger.push(...(await load.stop()).acknowledged);
    }
    expect(ledger.length).toBeGreaterThan(CYCLES * 5);

    const engine = await openEngine({ dataDir: temp.dir });
    try {
      const seen = new Map<string, number>();
      for (const entry of await allFeedEntries(engine.api)) {
        seen.set(entry.product.catalogItemId, (seen.get(entry.product.catalogItemId) ?? 0) + 1);
      }
      const lost = ledger.filter((item) => !seen.has(item));
      const twice = [...seen].filter(([, count]) => count > 1);
      console.info(
        `crash test: ${CYCLES} kills, ${ledger.length} acknowledged, ${lost.length} lost, ${twice.length} twice`,
      );
      expect(lost).toEqual([]);
      expect(twice).toEqual([]);
      expect((await engine.api.status(undefined)).receiver.received).toBe(seen.size);
    } finally {
      await engine.close();
    }
  }, 180_000);
});
