// One channel in Settings → Channels: its name, service and masked address, how delivery goes (waiting, last sent,
// the last error in plain words), and Test, Edit, Disable/Enable and Delete.
import { useState } from 'react';
import type { Channel } from '../../../../../shared/contract/channel.js';
import { useApiClient } from '../../../api/ApiContext.js';
import { messageOf } from '../../../api/useLoad.js';
import { ConfirmButton } from '../../../components/ConfirmButton.js';
import { RelativeTime } from '../../../components/RelativeTime.js';
import { type ChannelOptions, ChannelOptionsFields } from './ChannelOptionsFields.js';
import { serviceOf } from './channelServices.js';

type Outcome = { tone: 'ok' | 'error'; text: string } | null;

export function ChannelRow({ channel, onChange }: { channel: Channel; onChange: () => void }) {
  const { api } = useApiClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [editing, setEditing] = useState(false);
  const act = (what: string, call: () => Promise<unknown>, done: string | null) => {
    setBusy(what);
    setOutcome(null);
    call().then(
      () => {
        setBusy(null);
        if (done) setOutcome({ tone: 'ok', text: done });
        onChange();
      },
      (failure: unknown) => {
        setBusy(null);
        setOutcome({ tone: 'error', text: messageOf(failure) });
        onChange();
      },
    );
  };
  const id = channel.id;
  return (
    <li className="channel-row" data-testid="channel-row">
      <div className="channel-facts">
        <strong>{channel.name}</strong>
        <span className="muted">
          {serviceOf(channel.kind).label} · <code>{channel.target}</code>
        </span>
        {/* an error just answered (role=alert below) is not said twice */}
        <DeliveryStatus channel={channel} showError={outcome?.tone !== 'error'} />
      </div>
      <div className="channel-actions">
        <button
          type="button"
          className="button small"
          disabled={busy !== null}
          onClick={() => act('test', () => api.testChannel({ id }), 'Test message delivered.')}
        >
          {busy === 'test' ? 'Sending…' : 'Test'}
        </button>
        <button type="button" className="button small" onClick={() => setEditing(!editing)} aria-expanded={editing}>
          Edit
        </button>
        <button
          type="button"
          className="button small"
          disabled={busy !== null}
          onClick={() => act('enable', () => api.updateChannel({ id, enabled: !channel.enabled }), null)}
        >
          {channel.enabled ? 'Disable' : 'Enable'}
        </button>
        <ConfirmButton
          label="Delete"
          ariaLabel={`Delete ${channel.name}`}
          confirmLabel="Yes, delete"
          question={`${channel.name} gets no more alerts; messages still waiting are dropped.`}
          danger
          onConfirm={() => act('delete', () => api.deleteChannel({ id }), null)}
        />
      </div>
      {outcome ? (
        <p
          className={outcome.tone === 'error' ? 'field-error' : 'channel-ok'}
          role={outcome.tone === 'error' ? 'alert' : 'status'}
        >
          {outcome.text}
        </p>
      ) : null}
      {editing ? (
        <EditChannel
          channel={channel}
          onSave={(options) => act('save', () => api.updateChannel({ id, ...options }), 'Saved.')}
          onClose={() => setEditing(false)}
        />
      ) : null}
    </li>
  );
}

function DeliveryStatus({ channel, showError }: { channel: Channel; showError: boolean }) {
  const { status } = channel;
  const lastSent = status.lastSentAt ? Date.parse(status.lastSentAt) : 0;
  const errorIsNews =
    status.lastError !== null && (status.lastErrorAt ? Date.parse(status.lastErrorAt) : 0) >= lastSent;
  return (
    <span className="channel-status" data-testid="channel-status">
      {channel.enabled ? null : <span className="badge">Disabled</span>}
      {channel.enabled ? null : ' '}
      {status.pending > 0 ? `${status.pending} waiting · ` : null}
      {status.lastSentAt ? (
        <>
          Last sent <RelativeTime iso={status.lastSentAt} />
        </>
      ) : (
        'Nothing sent yet'
      )}
      {status.failed > 0 ? ` · ${status.failed} not delivered` : null}
      {showError && errorIsNews && status.lastError ? (
        <span className="field-error channel-error">
          {status.lastErrorAt ? (
            <>
              <RelativeTime iso={status.lastErrorAt} />:{' '}
            </>
          ) : null}
          {status.lastError}
        </span>
      ) : null}
    </span>
  );
}

function EditChannel(props: { channel: Channel; onSave: (options: ChannelOptions) => void; onClose: () => void }) {
  const { channel } = props;
  const [options, setOptions] = useState<ChannelOptions>({
    name: channel.name,
    digestSeconds: channel.digestSeconds,
    filter: channel.filter,
  });
  return (
    <form
      className="channel-edit"
      aria-label={`Edit ${channel.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        props.onSave({ ...options, name: options.name.trim() || channel.name });
        props.onClose();
      }}
    >
      <ChannelOptionsFields value={options} onChange={setOptions} />
      <div className="row">
        <button type="submit" className="button primary small">
          Save
        </button>
        <button type="button" className="button small" onClick={props.onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
