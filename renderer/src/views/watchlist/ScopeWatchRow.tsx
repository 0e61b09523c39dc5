import type { Watch } from '../../../../shared/contract/watch.js';
import { useImpact } from '../../impact/ImpactContext.js';
import { describeTarget, type ScopeTarget } from '../../impact/targetText.js';
import { WatchRowFrame } from './WatchRow.js';

/**
 * A watch on a whole catalog or a whole brand, named after them once the catalogs are known. It has no single
 * product to show: its alerts arrive in the feed under each item that changed.
 */
export function ScopeWatchRow({ watch, target }: { watch: Watch; target: ScopeTarget }) {
  const impact = useImpact();
  const text = describeTarget(target, impact);
  // A catalog has one currency; a brand's catalogs may have several.
  const currency = 'catalogId' in target ? impact.catalogById.get(target.catalogId)?.currency : undefined;
  return (
    <WatchRowFrame watch={watch} name={text.title} image={undefined} href={null} state={null} currency={currency}>
      {text.ids}
    </WatchRowFrame>
  );
}
