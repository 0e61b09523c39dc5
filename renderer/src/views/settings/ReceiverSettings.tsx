import type { Settings } from '../../../../shared/model.js';
import { SETTINGS_RANGES } from '../../../../shared/schema/ranges.js';
import { NumberField, TextField } from './fields.js';

type Receiver = Settings['receiver'];

export function ReceiverSettings({ value, onChange }: { value: Receiver; onChange: (v: Receiver) => void }) {
  const set = (patch: Partial<Receiver>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="settings-group">
      <legend>Receiver</legend>
      <div className="row">
        <TextField
          label="Host"
          value={value.host}
          onChange={(host) => set({ host })}
          hint="127.0.0.1 for a tunnel; 0.0.0.0 to accept a router's port forward."
        />
        <NumberField
          label="Port"
          value={value.port}
          {...SETTINGS_RANGES.receiver.port}
          onChange={(port) => set({ port })}
        />
      </div>
      <p className="muted" data-testid="restart-note">
        Host and port changes apply after a restart.
      </p>
      <div className="row">
        <TextField
          label="Header name (optional)"
          value={value.headerName}
          onChange={(headerName) => set({ headerName })}
        />
        <TextField
          label="Header value"
          type="password"
          value={value.headerValue}
          onChange={(headerValue) => set({ headerValue })}
          hint="A second secret: impact.com sends it as its custom “HTTP Header”."
        />
      </div>
    </fieldset>
  );
}
