import { SETTINGS_RANGES } from '../../../../shared/contract/ranges.js';
import type { Settings } from '../../../../shared/contract/settings.js';
import { NumberField } from './fields.js';
import { settingField } from './settingFields.js';

type Retention = Settings['retention'];

export function RetentionSettings({ value, onChange }: { value: Retention; onChange: (v: Retention) => void }) {
  const set = (patch: Partial<Retention>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="settings-group">
      <legend>Keep</legend>
      <NumberField
        {...settingField('retention.feedEntries')}
        value={value.feedEntries}
        {...SETTINGS_RANGES.retention.feedEntries}
        onChange={(feedEntries) => set({ feedEntries })}
      />
      <NumberField
        {...settingField('retention.historyPerProduct')}
        value={value.historyPerProduct}
        {...SETTINGS_RANGES.retention.historyPerProduct}
        onChange={(historyPerProduct) => set({ historyPerProduct })}
      />
      <NumberField
        {...settingField('retention.journalDays')}
        value={value.journalDays}
        {...SETTINGS_RANGES.retention.journalDays}
        onChange={(journalDays) => set({ journalDays })}
        hint="At least this long, and until a backup holds what they changed: with the newest backup, the journal rebuilds your data after a crash or a damaged file."
      />
    </fieldset>
  );
}
