// The restart after a fault, and the check of P1–P3 against the ledger of acknowledged postbacks:
// P1 every acknowledged item is in the store; P2 every item present is whole and the store and journal open clean;
// P3 no item made more than one feed entry.
import path from 'node:path';
import { nodeFileSystem } from '../../main/engine/file-system.js';
import { openEngine } from '../../main/engine/index.js';
import { readJournal } from '../../main/engine/journal/index.js';
import type { FeedEntry } from '../../shared/model.js';
import { FAULT_SECRET } from './child-harness.js';

export interface LedgerReport {
  acknowledged: number;
  lost: string[];
  half: string[];
  twice: string[];
  damagedRecords: number;
  notices: string[];
  stored: number;
}

export async function restartAndCheck(dataDir: string, ledger: Iterable<string>): Promise<LedgerReport> {
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
    for (const entry of entries)
      perItem.set(entry.product.catalogItemId, (perItem.get(entry.product.catalogItemId) ?? 0) + 1);
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
      notices: status.notices,
      stored: perItem.size,
    };
  } finally {
    await engine.close();
  }
}
