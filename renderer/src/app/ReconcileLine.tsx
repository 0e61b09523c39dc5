import type { ReconcileStatus } from '../../../shared/contract/impact.js';
import { hasReconcileNews, ReconcileSummary } from '../impact/ReconcileSummary.js';

/** The catch-up check in the status line: "Checking 120 of 800…", then "Checked 2 min ago: 3 changes found". */
export function ReconcileLine({ reconcile }: { reconcile: ReconcileStatus | null | undefined }) {
  if (!hasReconcileNews(reconcile)) return null;
  const tone = !reconcile.running && reconcile.error ? 'status-line field-error' : 'status-line muted';
  return (
    <p className={tone} data-testid="reconcile-line">
      <ReconcileSummary reconcile={reconcile} />
    </p>
  );
}
