import { useEffect, useRef, useState } from 'react';
import { useApiClient } from '../../api/ApiContext.js';
import { messageOf, useLoad } from '../../api/useLoad.js';
import { ErrorState, Loading } from '../../components/ErrorState.js';
import { RelativeTime } from '../../components/RelativeTime.js';

/** Postbacks that arrived with the right secret but could not be read; kept so nothing is silently dropped. */
export function QuarantineList({ quarantinedCount }: { quarantinedCount: number }) {
  const { api } = useApiClient();
  const { state, reload } = useLoad(() => api.quarantine(undefined), [api]);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The status event's count moves when one arrives or is re-processed: refresh then, not on a timer.
  const seenCount = useRef(quarantinedCount);
  useEffect(() => {
    if (seenCount.current === quarantinedCount) return;
    seenCount.current = quarantinedCount;
    reload(true);
  }, [quarantinedCount, reload]);

  const reprocess = () => {
    setBusy(true);
    setResult(null);
    api.reprocessQuarantine(undefined).then(
      (answer) => {
        setBusy(false);
        setResult(`Re-processed ${answer.reprocessed}; ${answer.remaining} still need attention.`);
        reload(true);
      },
      (error: unknown) => {
        setBusy(false);
        setResult(`Could not re-process: ${messageOf(error)}`);
      },
    );
  };

  if (state.status === 'loading') return <Loading what="quarantined postbacks" />;
  if (state.status === 'error') return <ErrorState message={state.error} onRetry={() => reload()} />;
  if (state.data.length === 0) return <p className="muted">None: every postback so far could be read.</p>;
  return (
    <div className="quarantine">
      <p>
        These postbacks passed the secret but could not be read. Fix the field mapping in Settings, then re-process
        them.
      </p>
      <div className="row">
        <button type="button" className="button primary" onClick={reprocess} disabled={busy}>
          Re-process
        </button>
        {result ? <span role="status">{result}</span> : null}
      </div>
      <ul className="quarantine-list" aria-label="Quarantined postbacks">
        {state.data.map((entry) => (
          <li key={entry.id} className="quarantine-entry" data-testid="quarantine-entry">
            <p>
              <strong>{entry.reason}</strong> · <RelativeTime iso={entry.at} /> · {entry.raw.method}{' '}
              {entry.raw.contentType || 'no content type'}
            </p>
            {entry.raw.query ? <pre className="raw">{entry.raw.query}</pre> : null}
            {entry.raw.body ? <pre className="raw">{entry.raw.body}</pre> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
