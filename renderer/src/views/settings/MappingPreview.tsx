import { useEffect, useState } from 'react';
import type { MappingPreview as Preview } from '../../../../shared/contract/mapping.js';
import type { QuarantineEntry } from '../../../../shared/contract/quarantine.js';
import { useApiClient } from '../../api/ApiContext.js';
import { messageOf } from '../../api/useLoad.js';
import { useDebounced } from '../../lib/useDebounced.js';
import { rawFromPaste, SAMPLE_FORMATS, type SampleFormat } from './rawSample.js';

/** Tries the mapping being edited on a real postback, before it is saved. */
export function MappingPreview({ mapping }: { mapping: Record<string, string> }) {
  const { api } = useApiClient();
  const [quarantine, setQuarantine] = useState<QuarantineEntry[]>([]);
  const [source, setSource] = useState('paste');
  const [text, setText] = useState('');
  const [format, setFormat] = useState<SampleFormat>('json');
  const [preview, setPreview] = useState<{ result?: Preview; error?: string } | null>(null);

  useEffect(() => {
    api.quarantine(undefined).then(setQuarantine, () => setQuarantine([]));
  }, [api]);

  const picked = quarantine.find((entry) => entry.id === source);
  const raw = picked ? picked.raw : text.trim() ? rawFromPaste(text, format) : null;
  const request = useDebounced(raw ? JSON.stringify({ raw, mapping }) : null, 300);
  useEffect(() => {
    if (!request) return setPreview(null);
    let current = true;
    api.previewMapping(JSON.parse(request)).then(
      (result) => current && setPreview({ result }),
      (error: unknown) => current && setPreview({ error: messageOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, request]);

  return (
    <div className="mapping-preview">
      <label className="field">
        <span>Try it on</span>
        <select value={source} onChange={(event) => setSource(event.target.value)}>
          <option value="paste">A pasted postback</option>
          {quarantine.map((entry) => (
            <option key={entry.id} value={entry.id}>
              Quarantined: {entry.reason} ({new Date(entry.at).toLocaleString()})
            </option>
          ))}
        </select>
      </label>
      {picked ? null : (
        <div className="row">
          <label className="field">
            <span>Format</span>
            <select value={format} onChange={(event) => setFormat(event.target.value as SampleFormat)}>
              {SAMPLE_FORMATS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
          <label className="field grow">
            <span>Raw postback</span>
            <textarea rows={5} value={text} onChange={(event) => setText(event.target.value)} spellCheck={false} />
          </label>
        </div>
      )}
      <PreviewResult preview={preview} />
    </div>
  );
}

function PreviewResult({ preview }: { preview: { result?: Preview; error?: string } | null }) {
  if (!preview) return <p className="muted">Paste a postback or pick a quarantined one to see how it is read.</p>;
  if (preview.error) return <p className="field-error">{preview.error}</p>;
  const result = preview.result;
  if (!result) return null;
  return (
    <div data-testid="mapping-preview" aria-live="polite">
      <p className="preview-outcome">
        {result.result.kind === 'snapshot' ? 'Readable: this postback becomes a product update.' : null}
        {result.result.kind === 'test' ? 'A test postback: it confirms the connection and changes no product.' : null}
        {result.result.kind === 'unusable' ? `Not usable: ${result.result.reason}` : null}
      </p>
      <table className="preview-table">
        <caption className="visually-hidden">Incoming fields and where they go</caption>
        <thead>
          <tr>
            <th scope="col">Incoming key</th>
            <th scope="col">Value</th>
            <th scope="col">Read as</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(result.fields).map(([key, value]) => (
            <tr key={key}>
              <td>{key}</td>
              <td className="value">{value}</td>
              <td>{result.mappedTo[key] ?? <span className="muted">ignored</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
