// "Check now": asks the engine for a catch-up check (of everything watched, or of the given items) and follows it
// through Status.reconcile until it has finished.
import { useState } from 'react';
import type { ReconcileStatus } from '../../../shared/contract/impact.js';
import { useApiClient } from '../api/ApiContext.js';
import { messageOf } from '../api/useLoad.js';
import { useStatus } from '../app/StatusContext.js';

type Request =
  | { phase: 'starting' }
  /** the run this click started (or joined) ends when lastFinishedAt moves past this value */
  | { phase: 'started'; finishedBefore: string | null }
  | { phase: 'failed'; error: string };

export interface CheckNow {
  start: () => void;
  /** a check is being started or is running (this one or another): the button waits */
  busy: boolean;
  /** the check this user asked for has finished */
  finished: boolean;
  /** the check could not be started, in plain words */
  error: string | null;
  reconcile: ReconcileStatus | null;
}

export function useCheckNow(keys?: string[]): CheckNow {
  const { api } = useApiClient();
  const reconcile = useStatus().state.data?.reconcile ?? null;
  const [request, setRequest] = useState<Request | null>(null);
  const start = () => {
    const finishedBefore = reconcile?.lastFinishedAt ?? null;
    setRequest({ phase: 'starting' });
    api.reconcile(keys ? { keys } : {}).then(
      () => setRequest({ phase: 'started', finishedBefore }),
      (error: unknown) => setRequest({ phase: 'failed', error: messageOf(error) }),
    );
  };
  const finished =
    request?.phase === 'started' &&
    reconcile !== null &&
    !reconcile.running &&
    reconcile.lastFinishedAt !== request.finishedBefore;
  return {
    start,
    busy: request?.phase === 'starting' || reconcile?.running === true,
    finished,
    error: request?.phase === 'failed' ? request.error : null,
    reconcile,
  };
}
