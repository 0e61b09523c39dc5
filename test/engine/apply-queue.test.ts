// The apply queue takes journal records in order: a catch-up check's observations are applied like postbacks, and
// whatever comes after them is applied too (an observation first in the queue once stalled every record behind it).
import { afterEach, describe, expect, it } from 'vitest';
import type { ApplyEffects } from '../../main/engine/apply/index.js';
import { ApplyQueue } from '../../main/engine/apply-queue.js';
import type { JournalRecord } from '../../main/engine/journal/record.js';
import { postbackRecord } from '../helpers/apply-harness.js';
import { openTestStore, type TestStore } from '../helpers/store.js';

const opened: TestStore[] = [];
afterEach(() => {
  for (const test of opened.splice(0)) test.close();
});

const at = Date.parse('2026-12-01T10:00:00Z');
const observation = (seq: number, price: string): JournalRecord => ({
  seq,
  at,
  type: 'observation',
  observation: {
    operation: 'Update',
    fields: { CatalogId: '24836', CatalogItemId: 'TENT-2P', Name: 'Trail Tent 2P', CurrentPrice: price },
    apiId: 'product_24836_TENT-2P',
  },
});
const postback = (seq: number, price: string) =>
  postbackRecord(seq, at, { CatalogId: '24836', CatalogItemId: 'TENT-2P', CurrentPrice: price });

describe('apply queue', () => {
  it('applies observations and the records after them, marked as found on check', async () => {
    const test = openTestStore();
    opened.push(test);
    const applied: ApplyEffects[] = [];
    const queue = new ApplyQueue({
      store: test.store,
      onApplied: (effects) => applied.push(...effects),
      onFault: () => {},
    });
    queue.push([observation(1, '249.00'), postback(2, '199.00'), observation(3, '179.00')]);
    await Promise.race([
      queue.applied(3),
      new Promise((_, reject) => setTimeout(() => reject(new Error('records were not applied')), 2_000)),
    ]);
    expect(test.store.appliedSeq).toBe(3);
    const entries = applied.flatMap((effects) => effects.entries);
    expect(entries.map((entry) => [entry.source, entry.product.currentPrice])).toEqual([
      ['api', 249],
      ['postback', 199],
      ['api', 179],
    ]);
    expect(test.store.products.byKey('24836:TENT-2P')?.apiId).toBe('product_24836_TENT-2P');
    queue.stop();
  });
});
