import type { ProductState } from '../../../../shared/contract/product.js';
import { watchCovers } from '../../../../shared/domain/watch-target.js';
import { useImpact } from '../../impact/ImpactContext.js';
import { describeTarget } from '../../impact/targetText.js';
import { hrefs } from '../../routing/routes.js';
import { describeRule } from '../../watch/defaultRules.js';
import { useWatches } from '../../watch/WatchesContext.js';

/** A product without a watch of its own may still alert: through a watch on its whole catalog or brand. */
export function NotWatchedNote({ product }: { product: ProductState }) {
  const impact = useImpact();
  const covering = useWatches().state.data?.find(
    (watch) => !('catalogItemId' in watch.target) && watchCovers(watch.target, product),
  );
  if (!covering) {
    return <p className="muted">Not watched. Watch it to get alerts when its price or stock changes.</p>;
  }
  return (
    <p data-testid="covered-by">
      Covered by your watch on <a href={hrefs.watchlist}>{describeTarget(covering.target, impact).title}</a>:{' '}
      {covering.rules.map(describeRule).join(' · ')}. Watch it on its own for rules of its own.
    </p>
  );
}
