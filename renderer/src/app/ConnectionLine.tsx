// Whether this UI reaches the Shelfwatch it shows: the desktop following a hub (Status.hub, from its follower) or a
// browser whose event stream dropped. "Hub unreachable since 10:32 — retrying"; the views keep what they had.
import { useEffect, useState } from 'react';
import type { HubConnection, Status } from '../../../shared/contract/status.js';
import { connectionText } from '../../../shared/domain/connection-text.js';
import { useApiClient } from '../api/ApiContext.js';
import type { StreamConnection } from '../api/eventStream.js';
import { clockTime } from '../lib/relativeTime.js';
import { hrefs } from '../routing/routes.js';

function useStreamConnection(): StreamConnection | null {
  const { connection } = useApiClient();
  const [state, setState] = useState(() => connection?.get() ?? null);
  useEffect(() => {
    if (!connection) return;
    setState(connection.get());
    return connection.subscribe(setState);
  }, [connection]);
  return state;
}

export function ConnectionLine({ status }: { status: Status }) {
  const stream = useStreamConnection();
  // The page's first connect says nothing; only a stream that was lost does.
  const fromStream: Pick<HubConnection, 'state' | 'since' | 'error'> | null =
    stream && stream.since !== null && stream.state !== 'live' ? { ...stream, error: null } : null;
  const connection = status.hub ?? fromStream;
  if (!connection) return null;
  const subject = status.hub || status.device ? 'hub' : 'shelfwatch';
  const text = connectionText(connection, { subject, time: (iso) => clockTime(iso) });
  if (!text) return null;
  return (
    <div
      className={`banner ${connection.state === 'refused' ? 'error' : 'warning'}`}
      role="status"
      data-testid="connection-line"
    >
      <span>{text}</span>
      {connection.state === 'unreachable' && connection.error ? (
        <span className="muted connection-detail"> ({connection.error})</span>
      ) : null}
      {connection.state === 'refused' ? (
        <>
          {' '}
          <a href={hrefs.settings}>Open Settings</a>
        </>
      ) : null}
    </div>
  );
}
