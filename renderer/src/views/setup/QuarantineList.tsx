import { useEffect, useRef, useState } from 'react';
import { useApiClient } from '../../api/ApiContext.js';
import { messageOf, useLoad } from '../../api/useLoad.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { ErrorState, Loading } from '../../components/ErrorState.js';
import { QuarantineEntryItem } from './QuarantineEntryItem.js';

/**
 * Postbacks that arrived with the right secret but could not be read, or not all of them; kept so nothing is silently
 * dropped, until the user re-processes or dismisses them.
 */
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

  const dismiss = (ids?: string[]) => {
    setBusy(true);
    setResult(null);
    api.dismissQuarantine(ids ? { ids } : {}).then(
      (answer) => {
        setBusy(false);
        setResult(`Dismissed ${answer.dismissed}; ${answer.remaining} still need attention.`);
        reload(true);
      },
      (error: unknown) => {
        setBusy(false);
        setResult(`Could not dismiss: ${messageOf(error)}`);
      },
    );
  };

  if (state.status === 'loading') return <Loading what="quarantined postbacks" />;
  if (state.status === 'error') return <ErrorState message={state.error} onRetry={() => reload()} />;
  if (state.data.length === 0) {
    return (
      <>
        {result ? <p role="status">{result}</p> : null}
        <p className="muted">None: every postback so far could be read.</p>
      </>
    );
  }
  const count = state.data.length;
  return (
    <div className="quarantine">
      <p>
        These postbacks passed the secret but could not be read, or not all of their values. Fix the field mapping in
        Settings, then re-process them; dismiss what you have seen.
      </p>
      <div className="row">
        <button type="button" className="button primary" onClick={reprocess} disabled={busy}>
          Re-process
        </button>
        <ConfirmButton
          label="Dismiss all"
          confirmLabel="Dismiss all"
          question={`Dismiss all ${count} without re-processing them?`}
          onConfirm={() => dismiss()}
          danger
        />
        {result ? <span role="status">{result}</span> : null}
      </div>
      <ul className="quarantine-list" aria-label="Quarantined postbacks">
        {state.data.map((entry) => (
          <QuarantineEntryItem key={entry.id} entry={entry} busy={busy} onDismiss={() => dismiss([entry.id])} />
        ))}
      </ul>
    </div>
  );
}
