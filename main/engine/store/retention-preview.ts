// What lowering retention would delete, counted before the user saves it ("This deletes up to 1,234 history points
// of 56 products"). The history count reads every product's counter: in pieces, with the event loop free between
// them, so a preview at millions of products does not hold up the receiver's acknowledgements.
import type { RetentionPreview } from '../../../shared/contract/settings.js';
import type { Store } from './store.js';

const PRODUCTS_PER_PIECE = 20_000;

export interface PreviewPacing {
  productsPerPiece?: number;
  yieldToLoop?: () => Promise<void>;
}

export async function previewRetention(
  store: Store,
  next: { feedEntries?: number | undefined; historyPerProduct?: number | undefined },
  pacing: PreviewPacing = {},
): Promise<RetentionPreview> {
  const piece = pacing.productsPerPiece ?? PRODUCTS_PER_PIECE;
  const yieldToLoop = pacing.yieldToLoop ?? (() => new Promise<void>((resolve) => setImmediate(resolve)));
  const feedEntries = next.feedEntries === undefined ? 0 : Math.max(0, store.feed.entries - next.feedEntries);
  let historyPoints = 0;
  let products = 0;
  if (next.historyPerProduct !== undefined) {
    let afterId = 0;
    for (;;) {
      const counted = store.products.historyBeyond(next.historyPerProduct, afterId, piece);
      historyPoints += counted.points;
      products += counted.products;
      if (counted.seen < piece || counted.lastId === null) break;
      afterId = counted.lastId;
      await yieldToLoop();
    }
  }
  return { feedEntries, historyPoints, products };
}
