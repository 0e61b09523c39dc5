// The receiver's header value is a secret: the hub answers "•••• (set)" in its place, never the value. So a stored
// value is shown as set, and can be replaced or cleared; the mask is never sent back as a new value (a save that
// leaves it alone sends the mask, which means "unchanged", and changedGroups drops it anyway).
import { useEffect, useState } from 'react';
import { SECRET_SET_MASK } from '../../../../shared/contract/secret-mask.js';
import { TextField } from './fields.js';

const HINT = 'A second secret: impact.com sends it as its custom “HTTP Header”.';

export function HeaderValueField({
  value,
  saved,
  onChange,
}: {
  /** the form's value: the mask (unchanged), '' (none, or cleared), or a new value */
  value: string;
  /** what the hub has: the mask when a value is set */
  saved: string;
  onChange: (value: string) => void;
}) {
  const [replacing, setReplacing] = useState(false);
  // Back to "set" once the typed value is gone again, or saved.
  useEffect(() => {
    if (value === SECRET_SET_MASK) setReplacing(false);
  }, [value]);
  if (saved !== SECRET_SET_MASK || replacing) {
    return (
      <TextField
        label={replacing ? 'New header value' : 'Header value'}
        type="password"
        value={value === SECRET_SET_MASK ? '' : value}
        onChange={(text) => onChange(replacing && text === '' ? SECRET_SET_MASK : text)}
        hint={replacing ? 'Leave it empty to keep the current value.' : HINT}
      />
    );
  }
  const cleared = value === '';
  return (
    <div className="field" data-testid="header-value-set">
      <span>Header value</span>
      <span>{cleared ? 'Removed when you save.' : 'Set (hidden).'}</span>
      <div className="row">
        {cleared ? (
          <button type="button" className="button small" onClick={() => onChange(SECRET_SET_MASK)}>
            Keep the header value
          </button>
        ) : (
          <>
            <button type="button" className="button small" onClick={() => setReplacing(true)}>
              Replace
            </button>
            <button type="button" className="button small" onClick={() => onChange('')}>
              Remove
            </button>
          </>
        )}
      </div>
      <small className="muted">{HINT}</small>
    </div>
  );
}
