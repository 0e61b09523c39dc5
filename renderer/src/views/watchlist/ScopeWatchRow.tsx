import type { Watch } from '../../../../shared/contract/watch.js';
import { useImpact } from '../../impact/ImpactContext.js';
import { describeTarget, type ScopeTarget } from '../../impact/targetText.js';
import { WatchRowFrame } from './WatchRow.js';

/**
 * A watch on a whole catalog or a whole brand, named after them once the catalogs are known. It has no single
 * product to show: its alerts arrive in the feed under each item that changed.
 */
export function ScopeWatchRow({ watch, target }: { watch: Watch; target: ScopeTarget }) {
  const text = describeTarget(target, useImpact());
  return (
    <WatchRowFrame watch={watch} name={text.title} image={undefined} href={null} state={null}>
      {text.ids}
    </WatchRowFrame>
  );
}
