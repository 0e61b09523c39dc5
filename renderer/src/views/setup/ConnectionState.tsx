import type { Status } from '../../../../shared/contract/status.js';
import { RelativeTime } from '../../components/RelativeTime.js';

/** Flips from waiting to connected as soon as a `status` event reports the first (test) postback. */
export function ConnectionState({ status }: { status: Status }) {
  const { testPostbackAt, lastPostbackAt, received, quarantined } = status.receiver;
  const connectedAt = lastPostbackAt ?? testPostbackAt;
  return (
    <div className={`connection ${connectedAt ? 'connected' : 'waiting'}`}>
      <p role="status" aria-live="polite" data-testid="connection-state" className="connection-state">
        {connectedAt ? 'Connected' : 'Waiting for the test postback…'}
      </p>
      <dl className="facts compact">
        <dt>Last postback</dt>
        <dd>{connectedAt ? <RelativeTime iso={connectedAt} /> : 'none yet'}</dd>
        {testPostbackAt ? (
          <>
            <dt>Test postback</dt>
            <dd>
              <RelativeTime iso={testPostbackAt} />
            </dd>
          </>
        ) : null}
        <dt>Received</dt>
        <dd className="number" data-testid="received-count">
          {received.toLocaleString()}
        </dd>
        <dt>Repeats</dt>
        <dd data-testid="repeat-count">
          <span className="number">{(status.receiver.duplicates ?? 0).toLocaleString()}</span>{' '}
          <span className="muted">deliveries that changed nothing</span>
        </dd>
        <dt>Need attention</dt>
        <dd className="number" data-testid="quarantined-count">
          {quarantined.toLocaleString()}
        </dd>
      </dl>
    </div>
  );
}
