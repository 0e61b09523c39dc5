import { SETTINGS_RANGES } from '../../../../shared/contract/ranges.js';
import type { Settings } from '../../../../shared/contract/settings.js';
import { NumberField } from './fields.js';

type Retention = Settings['retention'];

export function RetentionSettings({ value, onChange }: { value: Retention; onChange: (v: Retention) => void }) {
  const set = (patch: Partial<Retention>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="settings-group">
      <legend>Keep</legend>
      <NumberField
        label="Feed entries"
        value={value.feedEntries}
        {...SETTINGS_RANGES.retention.feedEntries}
        onChange={(feedEntries) => set({ feedEntries })}
      />
      <NumberField
        label="History points per product"
        value={value.historyPerProduct}
        {...SETTINGS_RANGES.retention.historyPerProduct}
        onChange={(historyPerProduct) => set({ historyPerProduct })}
      />
      <NumberField
        label="Raw postbacks (days)"
        value={value.journalDays}
        {...SETTINGS_RANGES.retention.journalDays}
        onChange={(journalDays) => set({ journalDays })}
        hint="The journal lets Shelfwatch rebuild its data after a crash or a corrupt file."
      />
    </fieldset>
  );
}
