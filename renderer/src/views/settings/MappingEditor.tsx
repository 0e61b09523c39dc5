import { useState } from 'react';
import { CANONICAL_FIELDS, type CanonicalField } from '../../../../shared/contract/enums.js';

interface MappingRow {
  incoming: string;
  field: CanonicalField;
}

type Mapping = Record<string, CanonicalField>;

const toRows = (mapping: Mapping): MappingRow[] =>
  Object.entries(mapping).map(([incoming, field]) => ({ incoming, field }));

export function rowsToMapping(rows: MappingRow[]): Mapping {
  const mapping: Mapping = {};
  for (const row of rows) if (row.incoming.trim()) mapping[row.incoming.trim()] = row.field;
  return mapping;
}

/** Incoming key → canonical field, on top of the built-in aliases (only unusual key names need a row). */
export function MappingEditor(props: { mapping: Mapping; onChange: (m: Mapping) => void }) {
  // Rows are kept locally so a half-typed or empty key does not vanish while editing.
  const [rows, setRows] = useState(() => toRows(props.mapping));
  const change = (next: MappingRow[]) => {
    setRows(next);
    props.onChange(rowsToMapping(next));
  };
  const update = (index: number, patch: Partial<MappingRow>) =>
    change(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <div className="mapping-editor">
      {rows.length === 0 ? <p className="muted">No custom keys: the built-in aliases are used.</p> : null}
      <ul className="mapping-rows" aria-label="Field mapping">
        {rows.map((row, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited positionally
          <li key={index} className="row">
            <input
              aria-label={`Incoming key ${index + 1}`}
              placeholder="e.g. preis"
              value={row.incoming}
              onChange={(event) => update(index, { incoming: event.target.value })}
            />
            <span aria-hidden="true">→</span>
            <select
              aria-label={`Canonical field for key ${index + 1}`}
              value={row.field}
              onChange={(event) => update(index, { field: event.target.value as CanonicalField })}
            >
              {CANONICAL_FIELDS.map((field) => (
                <option key={field} value={field}>
                  {field}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button small"
              aria-label={`Remove mapping ${index + 1}`}
              onClick={() => change(rows.filter((_, i) => i !== index))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button"
        onClick={() => change([...rows, { incoming: '', field: 'catalogItemId' }])}
      >
        Add mapping
      </button>
    </div>
  );
}
