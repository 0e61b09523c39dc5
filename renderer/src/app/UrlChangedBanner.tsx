// Both copies of the secrets file were lost, so the hub made a new postback secret: impact.com still posts to the
// old URL and every postback is refused (404) until the user gives it the new one. Said loudly in the status line
// (every view) and beside the URL on Setup, until the user says they did it.
import { useState } from 'react';
import type { Status } from '../../../shared/contract/status.js';
import { useApiClient } from '../api/ApiContext.js';
import { messageOf } from '../api/useLoad.js';
import { hrefs } from '../routing/routes.js';
import { useStatus } from './StatusContext.js';

export function UrlChangedBanner({ change }: { change: Status['postbackUrlChanged'] }) {
  const { api } = useApiClient();
  const { reload } = useStatus();
  const [error, setError] = useState<string | null>(null);
  if (!change) return null;
  const acknowledge = () => {
    setError(null);
    api.acknowledgeUrlChange(undefined).then(
      () => reload(),
      (failure: unknown) => setError(messageOf(failure)),
    );
  };
  return (
    <div className="banner error" role="alert" data-testid="url-changed">
      <strong>Your postback URL changed: update it in impact.com. </strong>
      <span>
        The secrets file and its copy were lost ({new Date(change.at).toLocaleString()}), so Shelfwatch made a new
        postback secret. impact.com still sends to the old URL, and every postback sent there is refused until you paste
        the new URL in impact.com (Settings → Technical → Event Notifications).
      </span>
      {change.headerValueLost ? (
        <p>
          The HTTP header value was lost too: set a new one in <a href={hrefs.settings}>Settings</a> → Receiver, and the
          same in impact.com.
        </p>
      ) : null}
      <p>
        <a href={hrefs.setup}>Copy the new URL in Setup</a>{' '}
        <button type="button" className="button small" onClick={acknowledge}>
          I updated impact.com
        </button>
      </p>
      {error ? <p className="field-error">Could not save that: {error}</p> : null}
    </div>
  );
}

/** On Setup, beside the postback URL: this URL is the new one. */
export function UrlChangedNote({ change }: { change: Status['postbackUrlChanged'] }) {
  if (!change) return null;
  return (
    <p className="field-error" data-testid="url-changed-note">
      This URL is new since {new Date(change.at).toLocaleString()}: paste it in impact.com now. Postbacks sent to the
      old URL are refused.
    </p>
  );
}
