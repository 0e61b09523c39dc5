import { useImpact } from '../../impact/ImpactContext.js';
import { hasReconcileNews, ReconcileSummary } from '../../impact/ReconcileSummary.js';
import { useCheckNow } from '../../impact/useCheckNow.js';

/**
 * Catches up on every watched item now (impact.com's current price and stock), instead of waiting for the next
 * postback or the 6-hourly check. Needs the impact.com account.
 */
export function CheckNowBar() {
  const { connected } = useImpact();
  const check = useCheckNow();
  if (!connected) return null;
  return (
    <div className="check-now">
      <button type="button" className="button" onClick={check.start} disabled={check.busy}>
        {check.busy ? 'Checking…' : 'Check now'}
      </button>
      <p className="muted" role="status" data-testid="check-progress">
        {check.error ? (
          <span className="field-error">Could not start the check: {check.error}</span>
        ) : hasReconcileNews(check.reconcile) ? (
          <ReconcileSummary reconcile={check.reconcile} />
        ) : (
          'Fetches the current price and stock of every watched item from impact.com.'
        )}
      </p>
    </div>
  );
}
