// Settings → Channels, on the hub's own UI: where alerts go besides this screen (Slack, Discord, Teams, Telegram,
// ntfy, e-mail, a signed webhook). Only the Shelfwatch that receives the postbacks sends; devices that follow it
// do not. The list is looked at again every few seconds while shown, so delivery status stays current.
import { useCallback, useEffect } from 'react';
import { useApiClient } from '../../../api/ApiContext.js';
import { useLoad } from '../../../api/useLoad.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { AddChannel } from './AddChannel.js';
import { ChannelRow } from './ChannelRow.js';

const REFRESH_MS = 5_000;

export function ChannelsSettings() {
  const { api } = useApiClient();
  const { state, reload } = useLoad(() => api.listChannels(undefined), [api]);
  const refresh = useCallback(() => reload(true), [reload]);
  useEffect(() => {
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  const channels = state.data?.items ?? [];
  return (
    <fieldset className="settings-group" data-testid="channels">
      <legend>Channels</legend>
      <p className="muted">
        Alerts can also go to Slack, Discord, Teams, Telegram, ntfy, e-mail or your own webhook. They are sent from this
        Shelfwatch, whether or not a screen is open.
      </p>
      {state.status === 'error' ? (
        <ErrorState message={`Could not load the channels: ${state.error}`} onRetry={() => reload()} />
      ) : null}
      {state.status === 'ready' && channels.length === 0 ? <p>No channels yet.</p> : null}
      {channels.length > 0 ? (
        <ul className="channel-list" aria-label="Channels">
          {channels.map((channel) => (
            <ChannelRow key={channel.id} channel={channel} onChange={refresh} />
          ))}
        </ul>
      ) : null}
      <AddChannel onAdded={refresh} />
    </fieldset>
  );
}
