// The previous version's store file (read only to upgrade a folder): it round-trips, and damaged files are recognised
// as such, so the upgrade moves them aside and rebuilds from the journal instead of upgrading garbage.
import { describe, expect, it } from 'vitest';
import { decodeStore, encodeStore } from '../../main/engine/upgrade/legacy/codec.js';
import { emptyStore } from '../../main/engine/upgrade/legacy/state.js';
import { legacyStore } from '../helpers/legacy-store.js';

const populated = () => legacyStore(30);

describe('the previous version’s store file', () => {
  it('round-trips products, history, feed (with alerts and read state), watches, quarantine and stats', () => {
    const data = populated();
    const decoded = decodeStore(encodeStore(data));
    expect(decoded).not.toBeNull();
    expect(decoded?.products).toEqual(data.products);
    expect(decoded?.history).toEqual(data.history);
    expect(decoded?.feed.toColumns()).toEqual(data.feed.toColumns());
    expect(decoded?.feed.countUnread()).toBe(data.feed.countUnread());
    const { feed: _a, products: _b, history: _c, ...rest } = data;
    const { feed: _d, products: _e, history: _f, ...restAgain } = decoded as NonNullable<typeof decoded>;
    expect(restAgain).toEqual(rest);
  });

  it.each([
    ['empty', ''],
    ['truncated', () => encodeStore(populated()).slice(0, 200)],
    ['not JSON', 'garbage'],
    ['cut off between two lines (no end line)', () => encodeStore(populated()).split('\n').slice(0, -2).join('\n')],
    ['trailing garbage after the end line', () => `${encodeStore(populated())}{"products":[]}\n`],
    ['NUL bytes', '\0'.repeat(64)],
    ['another program’s JSON', '{"hello":"world"}'],
    ['an old format', JSON.stringify({ ...emptyStore(), feed: [] })],
    ['feed columns of unequal length', () => encodeStore(populated()).replace('"sub":[0,', '"sub":[')],
  ])('rejects %s', (_name, text) => {
    expect(decodeStore(typeof text === 'function' ? text() : text)).toBeNull();
  });

  it('checks every row, not only the first: a damaged last product or history point is refused', () => {
    const badProduct = populated();
    (Object.values(badProduct.products).at(-1) as unknown as { removed: unknown }).removed = 'no';
    expect(decodeStore(encodeStore(badProduct))).toBeNull();
    const badHistory = populated();
    const points = Object.values(badHistory.history).at(-1) as unknown as { at: unknown }[];
    (points.at(-1) as { at: unknown }).at = 5;
    expect(decodeStore(encodeStore(badHistory))).toBeNull();
  });
});
