import { useState } from 'react';
import type { FeedEntry } from '../../../../shared/contract/feed.js';
import { describeEntry } from '../../../../shared/domain/describe.js';
import { useUiEvents } from '../../api/ApiContext.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { useImpact } from '../../impact/ImpactContext.js';
import { hasReconcileNews, ReconcileSummary } from '../../impact/ReconcileSummary.js';
import { useCheckNow } from '../../impact/useCheckNow.js';

/**
 * "Check now" for this one item (its current state from impact.com), and what a check found about it while the page
 * is open: such a change is marked "found on check", as in the feed, because no postback told us.
 */
export function ProductCheck({ productKey }: { productKey: string }) {
  const { connected } = useImpact();
  const check = useCheckNow([productKey]);
  const [found, setFound] = useState<FeedEntry | null>(null);
  useUiEvents((event) => {
    if (event.type !== 'feed') return;
    const mine = event.entries.filter((entry) => entry.key === productKey && entry.source === 'api');
    const newest = mine.sort((a, b) => b.seq - a.seq)[0];
    if (newest) setFound(newest);
  });
  if (!connected && !found) return null;
  const start = () => {
    setFound(null);
    check.start();
  };
  return (
    <div className="product-check">
      {connected ? (
        <button type="button" className="button" onClick={start} disabled={check.busy}>
          {check.busy ? 'Checking…' : 'Check now'}
        </button>
      ) : null}
      <p role="status" data-testid="product-check">
        {check.error ? <span className="field-error">Could not start the check: {check.error}</span> : null}
        {found ? <FoundOnCheck entry={found} /> : null}
        {!found && (check.busy || check.finished) && hasReconcileNews(check.reconcile) ? (
          <span className="muted">
            <ReconcileSummary reconcile={check.reconcile} />
          </span>
        ) : null}
      </p>
    </div>
  );
}

function FoundOnCheck({ entry }: { entry: FeedEntry }) {
  return (
    <span className={entry.alerts.length > 0 ? 'found-on-check has-alert' : 'found-on-check'}>
      <span className="badge">Found on check</span> <RelativeTime iso={entry.at} />: {describeEntry(entry)}
      {entry.alerts.length > 0 ? ` · Alert: ${entry.alerts.map((alert) => alert.message).join(' · ')}` : ''}
    </span>
  );
}
