// Issue 20: one feed row can be marked unread again (and read), whether it is newer than "Mark all read" or not:
// the others keep their read state, and the unread count follows.
import { describe, expect, it } from 'vitest';
import { applyHarness } from '../helpers/apply-harness.js';

const change = (item: string) => ({ CatalogId: '7', CatalogItemId: item, CurrentPrice: '10', Currency: 'USD' });

describe('marking one entry unread', () => {
  it('undoes a single read mark, and one under the "all read" watermark', async () => {
    const harness = applyHarness();
    for (const item of ['A', 'B', 'C', 'D']) harness.postback(change(item));
    const ids = () => harness.feed().items.map((entry) => entry.id); // newest first: D, C, B, A
    const readFlags = () => harness.feed().items.map((entry) => `${entry.product.catalogItemId}:${entry.read}`);
    const [d, c, b] = ids();

    harness.command({ kind: 'markRead', all: true, through: d });
    harness.postback(change('E'));
    harness.command({ kind: 'markRead', ids: [harness.feed().items[0]?.id ?? ''] });
    expect(harness.unread()).toBe(0);

    // C and B are under the watermark; E was read on its own
    harness.command({ kind: 'markRead', ids: [c ?? '', b ?? ''], unread: true });
    expect(readFlags()).toEqual(['E:true', 'D:true', 'C:false', 'B:false', 'A:true']);
    expect(harness.unread()).toBe(2);

    harness.command({ kind: 'markRead', ids: [harness.feed().items[0]?.id ?? ''], unread: true });
    harness.command({ kind: 'markRead', ids: [b ?? ''] });
    expect(readFlags()).toEqual(['E:false', 'D:true', 'C:false', 'B:true', 'A:true']);
    expect(harness.unread()).toBe(2);
  });
});
