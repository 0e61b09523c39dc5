import { useState } from 'react';
import type { ExportRequest } from '../../../shared/contract/export.js';
import { useApiClient } from '../api/ApiContext.js';
import { messageOf } from '../api/useLoad.js';

const rowsText = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'row' : 'rows'}`;

/** Saves an export as a CSV file (a download in the browser, a save dialog on the desktop) and says what it saved. */
export function ExportButton({ request, label = 'Export CSV' }: { request: ExportRequest; label?: string }) {
  const { saveExport } = useApiClient();
  const [said, setSaid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = () => {
    setBusy(true);
    setSaid(null);
    saveExport(request).then(
      (result) => {
        setBusy(false);
        if (!result.saved) return;
        setSaid(result.truncated ? `Saved the newest ${rowsText(result.rows)}.` : `Saved ${rowsText(result.rows)}.`);
      },
      (error: unknown) => {
        setBusy(false);
        setSaid(`Could not export: ${messageOf(error)}`);
      },
    );
  };
  return (
    <>
      <button type="button" className="button" onClick={save} disabled={busy}>
        {label}
      </button>
      {said ? (
        <span className="muted" role="status">
          {said}
        </span>
      ) : null}
    </>
  );
}
