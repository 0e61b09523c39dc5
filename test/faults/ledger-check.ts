// The restart after a fault, and the check of P1–P3 against the ledger of acknowledged postbacks:
// P1 every acknowledged item is in the store; P2 every item present is whole and the store and journal open clean;
// P3 no item made more than one feed entry.
import path from 'node:path';
import { nodeFileSystem } from '../../main/engine/file-system.js';
import { openEngine } from '../../main/engine/index.js';
import { readJournal } from '../../main/engine/journal/index.js';
import type { FeedEntry } from '../../shared/contract/feed.js';
import { FAULT_SECRET, FLIP_ITEM, type FlipLedger, flipBody } from './child-harness.js';

export interface LedgerReport {
  acknowledged: number;
  lost: string[];
  half: string[];
  twice: string[];
  damagedRecords: number;
  notices: string[];
  stored: number;
  /** the flip item: what went wrong, if anything (its state is not one its last answered step or the next allows) */
  flip: string | null;
}

export async function restartAndCheck(
  dataDir: string,
  ledger: Iterable<string>,
  flip?: FlipLedger,
): Promise<LedgerReport> {
  const engine = await openEngine({ dataDir, secret: FAULT_SECRET, receiverPort: 0 });
  try {
    const entries: FeedEntry[] = [];
    for (let before: string | undefined; ; ) {
      const page = await engine.api.feed({ limit: 200, before });
      entries.push(...page.items);
      if (!page.next) break;
      before = page.next;
    }
    const perItem = new Map<string, number>();
    const flipEntries = entries.filter((entry) => entry.product.catalogItemId === FLIP_ITEM);
    for (const entry of entries) {
      if (entry.product.catalogItemId === FLIP_ITEM) continue;
      perItem.set(entry.product.catalogItemId, (perItem.get(entry.product.catalogItemId) ?? 0) + 1);
    }
    const half: string[] = [];
    for (const item of perItem.keys()) {
      const { product } = await engine.api.product({ key: `900:${item}` });
      const whole =
        product.name === `Name ${item}` &&
        product.currentPrice === 12.34 &&
        product.stockAvailability === 'InStock' &&
        product.inventory === 7;
      if (!whole) half.push(item);
    }
    const acknowledged = [...new Set(ledger)];
    let damagedRecords = 0;
    const read = await readJournal(nodeFileSystem, path.join(dataDir, 'journal'), 0, () => {});
    damagedRecords = read.damaged;
    const status = await engine.api.status(undefined);
    return {
      acknowledged: acknowledged.length,
      lost: acknowledged.filter((item) => !perItem.has(item)),
      half,
      twice: [...perItem].filter(([, count]) => count > 1).map(([item]) => item),
      damagedRecords,
      notices: status.notices.map((notice) => notice.message),
      stored: perItem.size,
      flip: flip ? checkFlip(flip, flipEntries) : null,
    };
  } finally {
    await engine.close();
  }
}

/**
 * Steps 0…A were applied, where A is the last answered step or, when the next one was journaled but its answer
 * lost to the kill, that one: the product shows step A, and there is exactly one feed entry per applied step (each
 * step changes the stock, and a re-sent step that was already applied is a repeat).
 */
function checkFlip(flip: FlipLedger, entries: FeedEntry[]): string | null {
  if (flip.acknowledged < 0) return null;
  const latest = entries[0]?.product;
  const stateOf = (step: number) => JSON.parse(flipBody(step)) as { CurrentPrice: string; StockAvailability: string };
  const shows = (step: number) => {
    const expected = stateOf(step);
    const stock = expected.StockAvailability === 'InStock' ? 'InStock' : 'OutOfStock';
    return latest?.currentPrice === Number(expected.CurrentPrice) && latest.stockAvailability === stock;
  };
  const applied = [flip.acknowledged, flip.acknowledged + 1].find(shows);
  if (applied === undefined) return `shows ${JSON.stringify(latest)} after step ${flip.acknowledged} was answered`;
  if (entries.length !== applied + 1) return `${entries.length} feed entries for ${applied + 1} applied steps`;
  return null;
}
