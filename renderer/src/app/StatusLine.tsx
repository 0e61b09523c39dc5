// What the user must know about the receiver right now: a storage fault (postbacks are being refused),
// one-time notices, and a quiet line with the last postback.
import { useState } from 'react';
import type { Notice, Status } from '../../../shared/contract/status.js';
import { ErrorState } from '../components/ErrorState.js';
import { RelativeTime } from '../components/RelativeTime.js';
import { ConnectionLine } from './ConnectionLine.js';
import { PageScanLine } from './PageScanLine.js';
import { ReconcileLine } from './ReconcileLine.js';
import { useStatus } from './StatusContext.js';
import { UpgradeLine } from './UpgradeLine.js';
import { UrlChangedBanner } from './UrlChangedBanner.js';

const DISMISSED_KEY = 'shelfwatch.dismissedNotices';

function readDismissed(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(DISMISSED_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

export function StatusLine() {
  const { state, reload } = useStatus();
  if (state.status === 'error')
    return <ErrorState message={`Shelfwatch is not answering: ${state.error}`} onRetry={reload} />;
  if (state.status !== 'ready') return null;
  return (
    <div className="status-area">
      <ConnectionLine status={state.data} />
      <UpgradeLine upgrade={state.data.upgrade} />
      {state.data.receiver.fault ? <FaultBanner fault={state.data.receiver.fault} /> : null}
      <UrlChangedBanner change={state.data.postbackUrlChanged} />
      <Notices notices={state.data.notices} />
      <ReceiverLine status={state.data} />
      <ReconcileLine reconcile={state.data.reconcile} />
      <PageScanLine scan={state.data.pageScan} />
    </div>
  );
}

function FaultBanner({ fault }: { fault: string }) {
  return (
    <div className="banner error" role="alert" data-testid="receiver-fault">
      <strong>Postbacks are being refused: </strong>
      <span>{fault}</span>
      <p>
        impact.com keeps retrying, so nothing is lost yet. Free some disk space or fix the data folder's permissions;
        the receiver recovers by itself once it can write again. If it does not, restart Shelfwatch.
      </p>
    </div>
  );
}

/** Each notice is shown until dismissed, and once dismissed never again (the server may keep repeating it). */
function Notices({ notices }: { notices: Notice[] }) {
  const [dismissed, setDismissed] = useState(readDismissed);
  const visible = notices.map((notice) => notice.message).filter((notice) => !dismissed.includes(notice));
  if (visible.length === 0) return null;
  const dismiss = (notice: string) => {
    const next = [...dismissed, notice].slice(-50);
    setDismissed(next);
    localStorage.setItem(DISMISSED_KEY, JSON.stringify(next));
  };
  return (
    <ul className="notices" aria-label="Notices">
      {visible.map((notice) => (
        <li key={notice} className="banner info" role="status">
          <span>{notice}</span>
          <button
            type="button"
            className="button small"
            onClick={() => dismiss(notice)}
            aria-label={`Dismiss: ${notice}`}
          >
            Dismiss
          </button>
        </li>
      ))}
    </ul>
  );
}

function ReceiverLine({ status }: { status: Status }) {
  const { lastPostbackAt, received, quarantined } = status.receiver;
  return (
    <p className="status-line muted" data-testid="status-line">
      {lastPostbackAt ? (
        <>
          Last postback <RelativeTime iso={lastPostbackAt} />
        </>
      ) : (
        'No postbacks received yet'
      )}
      {' · '}
      {received.toLocaleString()} received
      {quarantined > 0 ? ` · ${quarantined.toLocaleString()} need attention (Setup)` : ''}
      {status.alertsPausedUntil ? (
        <>
          {' · '}Alerts paused until <RelativeTimeOrDate iso={status.alertsPausedUntil} />
        </>
      ) : null}
    </p>
  );
}

function RelativeTimeOrDate({ iso }: { iso: string }) {
  const at = Date.parse(iso);
  return <time dateTime={iso}>{Number.isNaN(at) ? iso : new Date(at).toLocaleString()}</time>;
}
