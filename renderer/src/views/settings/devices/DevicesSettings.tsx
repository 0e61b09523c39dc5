// Settings → Devices, on the hub's own UI: the computers and browsers that follow this Shelfwatch. Adding one shows
// its one-time pairing link; revoking ends its access at once. Without a remote listener: what a hub is and how.
import { useCallback, useState } from 'react';
import type { Device } from '../../../../../shared/contract/device.js';
import { useApiClient } from '../../../api/ApiContext.js';
import { messageOf, useLoad } from '../../../api/useLoad.js';
import { useStatus } from '../../../app/StatusContext.js';
import { ConfirmButton } from '../../../components/ConfirmButton.js';
import { CopyButton } from '../../../components/CopyButton.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { FieldError } from '../../../components/FieldError.js';
import { RelativeTime } from '../../../components/RelativeTime.js';
import { AddDevice } from './AddDevice.js';

const HUB_COMMAND = 'npm run serve -- --remote-port 8789';

export function DevicesSettings() {
  const { state } = useStatus();
  const remote = state.data?.remote ?? null;
  return (
    <fieldset className="settings-group" data-testid="devices">
      <legend>Devices</legend>
      {remote ? <DeviceManager /> : <NoRemoteListener />}
    </fieldset>
  );
}

function NoRemoteListener() {
  return (
    <div>
      <p>
        Other computers and browsers can follow this Shelfwatch as a <strong>hub</strong>: they show its feed live, and
        after sleep or an outage they catch up on every change it received meanwhile.
      </p>
      <p>
        Start with <code>--remote-port</code> to let other devices follow this Shelfwatch, best on an always-on
        computer:
      </p>
      <div className="copy-line">
        <code>{HUB_COMMAND}</code>
        <CopyButton text={HUB_COMMAND} label="Copy the hub command" />
      </div>
      <p className="muted">
        The README’s section “Run a hub” has the details: the certificate, running it as a service, and putting it
        behind Caddy or a tunnel.
      </p>
    </div>
  );
}

function DeviceManager() {
  const { api } = useApiClient();
  const { state, reload } = useLoad(() => api.listDevices(undefined), [api]);
  const refresh = useCallback(() => reload(true), [reload]);
  return (
    <div>
      <p className="muted">
        Each device sees this hub’s feed, products and watchlist, with its own notifications and unread count. Name a
        new one, then pair it with the link shown.
      </p>
      {state.status === 'error' ? (
        <ErrorState message={`Could not load the devices: ${state.error}`} onRetry={() => reload()} />
      ) : null}
      {state.status === 'ready' && state.data.length === 0 ? <p>No devices yet.</p> : null}
      {state.status === 'ready' && state.data.length > 0 ? (
        <ul className="device-list" aria-label="Devices">
          {state.data.map((device) => (
            <DeviceRow key={device.id} device={device} onRevoked={refresh} />
          ))}
        </ul>
      ) : null}
      <AddDevice devices={state.data ?? []} onChange={refresh} />
    </div>
  );
}

function DeviceRow({ device, onRevoked }: { device: Device; onRevoked: () => void }) {
  const { api } = useApiClient();
  const [error, setError] = useState<string | null>(null);
  const revoke = () => {
    setError(null);
    api.revokeDevice({ id: device.id }).then(onRevoked, (failure: unknown) => setError(messageOf(failure)));
  };
  return (
    <li className="device-row" data-testid="device-row">
      <div className="device-facts">
        <strong>{device.name}</strong>
        <span className="muted">
          {device.pairedAt ? (
            <>
              Paired <RelativeTime iso={device.pairedAt} />
            </>
          ) : (
            'Not paired yet'
          )}
          {' · '}
          {device.lastSeenAt ? (
            <>
              Last seen <RelativeTime iso={device.lastSeenAt} />
              {device.lastAddress ? (
                <>
                  {' from '}
                  <code>{device.lastAddress}</code>
                </>
              ) : null}
            </>
          ) : (
            'Never seen'
          )}
        </span>
      </div>
      <ConfirmButton
        label="Revoke"
        ariaLabel={`Revoke ${device.name}`}
        confirmLabel="Yes, revoke"
        question={`${device.name} loses access at once.`}
        danger
        onConfirm={revoke}
      />
      <FieldError message={error && `Not revoked: ${error}`} />
    </li>
  );
}
