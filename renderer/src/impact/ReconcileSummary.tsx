// The catch-up check's progress and outcome in plain words, from Status.reconcile: the same line in the status
// line, the watchlist and the product page.
import type { ReconcileStatus } from '../../../shared/contract/impact.js';
import { RelativeTime } from '../components/RelativeTime.js';
import { clockTime } from '../lib/relativeTime.js';

/**
 * impact.com's budgets are hourly, so a batch held back by the budget goes within the hour; a `nextAt` further away
 * is the next scheduled check (every 6 hours), not a batch of this one.
 */
const BATCH_WAIT_MAX_MS = 60 * 60_000;

export function ReconcileSummary({ reconcile }: { reconcile: ReconcileStatus }) {
  const now = Date.now();
  const nextAt = reconcile.nextAt && Date.parse(reconcile.nextAt) > now ? reconcile.nextAt : null;
  const failed = reconcile.failed > 0 ? ` · ${countOf(reconcile.failed, 'item')} could not be checked` : '';
  if (reconcile.running) {
    const progress =
      reconcile.total > 0
        ? `Checking ${reconcile.checked.toLocaleString()} of ${reconcile.total.toLocaleString()}…`
        : 'Checking…';
    const batch =
      nextAt && Date.parse(nextAt) - now <= BATCH_WAIT_MAX_MS
        ? ` · impact.com's hourly limit holds the rest: next batch at ${clockTime(nextAt, now)}`
        : '';
    return <>{`${progress}${failed}${batch}`}</>;
  }
  if (reconcile.error) return <>{`The last check stopped: ${reconcile.error}`}</>;
  if (!reconcile.lastFinishedAt) return null;
  const found = reconcile.changed === 0 ? 'no changes found' : `${countOf(reconcile.changed, 'change')} found`;
  const next = nextAt ? ` · next check at ${clockTime(nextAt, now)}` : '';
  return (
    <>
      Checked <RelativeTime iso={reconcile.lastFinishedAt} />
      {`: ${found}${failed}${next}`}
    </>
  );
}

/** Whether there is anything to say: a check running, finished, or stopped. */
export function hasReconcileNews(reconcile: ReconcileStatus | null | undefined): reconcile is ReconcileStatus {
  return !!reconcile && (reconcile.running || reconcile.error !== null || reconcile.lastFinishedAt !== null);
}

function countOf(count: number, noun: string): string {
  return `${count.toLocaleString()} ${count === 1 ? noun : `${noun}s`}`;
}
