import type { QuarantineEntry } from '../../../../shared/contract/quarantine.js';
import { RelativeTime } from '../../components/RelativeTime.js';

/** One postback that needs attention: why, when, what it was, and a way to dismiss it once seen. */
export function QuarantineEntryItem(props: { entry: QuarantineEntry; busy: boolean; onDismiss: () => void }) {
  const { entry, busy, onDismiss } = props;
  return (
    <li className="quarantine-entry" data-testid="quarantine-entry">
      <div className="quarantine-head">
        <p>
          <strong>{entry.reason}</strong> · <RelativeTime iso={entry.at} /> · {entry.raw.method}{' '}
          {entry.raw.contentType || 'no content type'}
          {entry.applied ? <span className="muted"> · its other fields were applied</span> : null}
        </p>
        <button
          type="button"
          className="button"
          onClick={onDismiss}
          disabled={busy}
          aria-label={`Dismiss: ${entry.reason}`}
        >
          Dismiss
        </button>
      </div>
      {entry.raw.query ? <pre className="raw">{entry.raw.query}</pre> : null}
      {entry.raw.body ? <pre className="raw">{entry.raw.body}</pre> : null}
    </li>
  );
}
