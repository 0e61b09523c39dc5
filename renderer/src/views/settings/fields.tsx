// Small labelled inputs: every control gets a visible label, which is also its accessible name.
import type { ReactNode } from 'react';

export function CheckboxField(props: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="check">
      <input type="checkbox" checked={props.checked} onChange={(event) => props.onChange(event.target.checked)} />
      {props.label}
    </label>
  );
}

export function NumberField(props: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  min?: number;
  max?: number;
  hint?: ReactNode;
}) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        type="number"
        className="number"
        value={Number.isFinite(props.value) ? props.value : ''}
        min={props.min}
        max={props.max}
        onChange={(event) => props.onChange(event.target.valueAsNumber)}
      />
      {props.hint ? <small className="muted">{props.hint}</small> : null}
    </label>
  );
}

export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'time' | 'password';
  hint?: ReactNode;
}) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <input type={props.type ?? 'text'} value={props.value} onChange={(event) => props.onChange(event.target.value)} />
      {props.hint ? <small className="muted">{props.hint}</small> : null}
    </label>
  );
}
