import { SETTINGS_RANGES } from '../../../../shared/contract/ranges.js';
import type { Settings } from '../../../../shared/contract/settings.js';
import { CheckboxField, NumberField, TextField } from './fields.js';

type Notifications = Settings['notifications'];

export function NotificationSettings({
  value,
  onChange,
}: {
  value: Notifications;
  onChange: (v: Notifications) => void;
}) {
  const set = (patch: Partial<Notifications>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="settings-group">
      <legend>Notifications</legend>
      <CheckboxField label="Show notifications" checked={value.enabled} onChange={(enabled) => set({ enabled })} />
      <CheckboxField label="Play a sound" checked={value.sound} onChange={(sound) => set({ sound })} />
      <NumberField
        label="Digest window (seconds)"
        value={value.digestWindowSeconds}
        {...SETTINGS_RANGES.notifications.digestWindowSeconds}
        onChange={(digestWindowSeconds) => set({ digestWindowSeconds })}
        hint="Alerts within this window become one notification, so a catalog re-import does not flood you."
      />
      <CheckboxField
        label="Quiet hours"
        checked={value.quietHours !== null}
        onChange={(on) => set({ quietHours: on ? { start: '22:00', end: '07:00' } : null })}
      />
      {value.quietHours ? (
        <div className="field-row">
          <TextField
            label="Quiet from"
            type="time"
            value={value.quietHours.start}
            onChange={(start) => value.quietHours && set({ quietHours: { ...value.quietHours, start } })}
          />
          <TextField
            label="Quiet until"
            type="time"
            value={value.quietHours.end}
            onChange={(end) => value.quietHours && set({ quietHours: { ...value.quietHours, end } })}
            hint="Alerts are still recorded in the feed; they just do not pop up."
          />
        </div>
      ) : null}
    </fieldset>
  );
}
