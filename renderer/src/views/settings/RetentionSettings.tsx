import type { Settings } from '../../../../shared/model.js';
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
        min={100}
        onChange={(feedEntries) => set({ feedEntries })}
      />
      <NumberField
        label="History points per product"
        value={value.historyPerProduct}
        min={2}
        onChange={(historyPerProduct) => set({ historyPerProduct })}
      />
      <NumberField
        label="Raw postbacks (days)"
        value={value.journalDays}
        min={1}
        onChange={(journalDays) => set({ journalDays })}
        hint="The journal lets Shelfwatch rebuild its data after a crash or a corrupt file."
      />
    </fieldset>
  );
}
