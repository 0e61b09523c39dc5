import { SETTINGS_RANGES } from '../../../../shared/contract/ranges.js';
import type { Settings } from '../../../../shared/contract/settings.js';
import type { Setup } from '../../../../shared/contract/setup.js';
import { type InForce, inForce, whenDefaultApplies } from '../../lib/overrides.js';
import { LinesField, NumberField, TextField } from './fields.js';
import { HeaderValueField } from './HeaderValueField.js';

type Receiver = Settings['receiver'];

export function ReceiverSettings({
  value,
  savedHeaderValue,
  onChange,
  setup,
}: {
  value: Receiver;
  /** the header value as the hub answered it: the mask when one is set */
  savedHeaderValue: string;
  onChange: (v: Receiver) => void;
  /** what is in force right now; null until loaded (or when it could not be) */
  setup: Pick<Setup, 'overrides' | 'receiverPort'> | null;
}) {
  const set = (patch: Partial<Receiver>) => onChange({ ...value, ...patch });
  const host = setup ? inForce(setup, 'receiver.host') : null;
  const port = setup ? inForce(setup, 'receiver.port') : null;
  return (
    <fieldset className="settings-group">
      <legend>Receiver</legend>
      <div className="field-row">
        <TextField
          label="Host"
          value={value.host}
          onChange={(host) => set({ host })}
          note={host ? <OverrideNote override={host} /> : null}
          hint="127.0.0.1 for a tunnel; 0.0.0.0 to accept a router's port forward."
        />
        <NumberField
          label="Port"
          value={value.port}
          {...SETTINGS_RANGES.receiver.port}
          onChange={(port) => set({ port })}
          note={port ? <OverrideNote override={port} /> : null}
        />
      </div>
      <p className="muted" data-testid="restart-note">
        Host and port changes apply after a restart.
      </p>
      <div className="field-row">
        <TextField
          label="Header name (optional)"
          value={value.headerName}
          onChange={(headerName) => set({ headerName })}
        />
        <HeaderValueField
          value={value.headerValue}
          saved={savedHeaderValue}
          onChange={(headerValue) => set({ headerValue })}
        />
      </div>
      <LinesField
        label="Allowed senders (optional)"
        value={value.allowList}
        onChange={(allowList) => set({ allowList })}
        placeholder={'203.0.113.0/24\n2001:db8::/32'}
        hint={
          value.allowList.length === 0
            ? 'Empty: anyone with the postback URL may send. One address range per line to accept postbacks only from those addresses; others get the same 404 as a wrong secret. Applies at once.'
            : `Postbacks are accepted only from ${value.allowList.length === 1 ? 'this range' : `these ${value.allowList.length} ranges`}; others get the same 404 as a wrong secret. Behind a tunnel or proxy every request comes from it: list its address, or leave this empty.`
        }
      />
    </fieldset>
  );
}

function OverrideNote({ override }: { override: InForce }) {
  return (
    <span data-testid="override-note">
      In force: <strong>{String(override.value)}</strong>, set by{' '}
      <code className="setting-source">{override.setBy}</code>. Editing here changes the stored default,{' '}
      {whenDefaultApplies(override.setBy)}.
    </span>
  );
}
