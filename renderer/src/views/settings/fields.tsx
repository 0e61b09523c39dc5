// Small labelled inputs: every control gets a visible label as its accessible name; hints and notes are its
// description (kept out of the name so "Port" stays "Port" for a screen reader).
import { type ReactNode, useId, useState } from 'react';
import { type SettingPath, useIsInvalid } from './settingFields.js';

export function CheckboxField(props: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="check">
      <input type="checkbox" checked={props.checked} onChange={(event) => props.onChange(event.target.checked)} />
      {props.label}
    </label>
  );
}

interface FieldFrameProps {
  label: string;
  /** what the field is for */
  hint?: ReactNode;
  /** something about its current value the user must know, e.g. that a flag overrides it */
  note?: ReactNode;
  /** the setting it edits: highlighted while the form reports it wrong */
  setting?: SettingPath | undefined;
  children: (ids: { id: string; describedBy: string | undefined; invalid: true | undefined }) => ReactNode;
}

function FieldFrame({ label, hint, note, setting, children }: FieldFrameProps) {
  const id = useId();
  const invalid = useIsInvalid(setting) || undefined;
  const noteId = note ? `${id}-note` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const describedBy = [noteId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={invalid ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid })}
      {note ? (
        <small className="field-note" id={noteId}>
          {note}
        </small>
      ) : null}
      {hint ? (
        <small className="muted" id={hintId}>
          {hint}
        </small>
      ) : null}
    </div>
  );
}

export function NumberField(props: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  min?: number;
  max?: number;
  hint?: ReactNode;
  note?: ReactNode;
  setting?: SettingPath;
}) {
  return (
    <FieldFrame label={props.label} hint={props.hint} note={props.note} setting={props.setting}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          type="number"
          className="number"
          value={Number.isFinite(props.value) ? props.value : ''}
          min={props.min}
          max={props.max}
          onChange={(event) => props.onChange(event.target.valueAsNumber)}
        />
      )}
    </FieldFrame>
  );
}

export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'time' | 'password';
  hint?: ReactNode;
  note?: ReactNode;
  setting?: SettingPath;
}) {
  return (
    <FieldFrame label={props.label} hint={props.hint} note={props.note} setting={props.setting}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          type={props.type ?? 'text'}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </FieldFrame>
  );
}

/** A list edited as text, one entry per line; blank lines are dropped (the text keeps them while typing). */
export function LinesField(props: {
  label: string;
  value: readonly string[];
  onChange: (lines: string[]) => void;
  placeholder?: string;
  hint?: ReactNode;
  setting?: SettingPath;
}) {
  const [text, setText] = useState(props.value.join('\n'));
  return (
    <FieldFrame label={props.label} hint={props.hint} setting={props.setting}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          rows={3}
          spellCheck={false}
          value={text}
          placeholder={props.placeholder}
          onChange={(event) => {
            setText(event.target.value);
            props.onChange(
              event.target.value
                .split('\n')
                .map((line) => line.trim())
                .filter((line) => line !== ''),
            );
          }}
        />
      )}
    </FieldFrame>
  );
}
