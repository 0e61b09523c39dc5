import { useState } from 'react';

// An inline two-step confirmation instead of window.confirm: it cannot be auto-dismissed and is keyboard friendly.
export function ConfirmButton(props: {
  label: string;
  confirmLabel: string;
  question: string;
  onConfirm: () => void;
  danger?: boolean;
  /** accessible name of the first button when its label alone is ambiguous (e.g. "Delete" in a list) */
  ariaLabel?: string;
}) {
  const [asking, setAsking] = useState(false);
  const tone = props.danger ? 'button danger' : 'button';
  if (!asking) {
    return (
      <button type="button" className={tone} onClick={() => setAsking(true)} aria-label={props.ariaLabel}>
        {props.label}
      </button>
    );
  }
  return (
    <fieldset className="confirm">
      <legend>{props.question}</legend>
      <button
        type="button"
        className={tone}
        onClick={() => {
          setAsking(false);
          props.onConfirm();
        }}
      >
        {props.confirmLabel}
      </button>
      <button type="button" className="button" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </fieldset>
  );
}
