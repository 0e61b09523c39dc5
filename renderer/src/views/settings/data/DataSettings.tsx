// Settings → Data, on the hub's own UI: the backups (when, how big, whether they checked out), "Back up now", and
// the folder that holds them. Each backup with the journal after it rebuilds everything Shelfwatch acknowledged.
import { useState } from 'react';
import type { BackupInfo, BackupList } from '../../../../../shared/contract/backups.js';
import { useApiClient } from '../../../api/ApiContext.js';
import { messageOf, useLoad } from '../../../api/useLoad.js';
import { CopyButton } from '../../../components/CopyButton.js';
import { ErrorState, Loading } from '../../../components/ErrorState.js';
import { FieldError } from '../../../components/FieldError.js';
import { RelativeTime } from '../../../components/RelativeTime.js';
import { absoluteTime, clockTime } from '../../../lib/relativeTime.js';

const REASONS: Record<BackupInfo['reason'], string> = {
  daily: 'Daily',
  manual: 'Backed up by hand',
  upgrade: 'After the upgrade',
  migration: 'Before a database update',
};

export function DataSettings() {
  const { api } = useApiClient();
  const { state, reload, setData } = useLoad(() => api.listBackups(undefined), [api]);
  const [answer, setAnswer] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const backUp = () => {
    setBusy(true);
    setAnswer(null);
    api.backUpNow(undefined).then(
      (list) => {
        setData(() => list);
        setBusy(false);
        setAnswer({ tone: 'ok', text: 'Backed up.' });
      },
      (error: unknown) => {
        setBusy(false);
        setAnswer({ tone: 'error', text: `Not backed up: ${messageOf(error)}` });
        reload(true);
      },
    );
  };
  return (
    <fieldset className="settings-group" data-testid="data-settings">
      <legend>Data</legend>
      <p className="muted">
        Every day Shelfwatch copies its database and your settings into a backup, and checks the copy. The newest backup
        and the journal after it rebuild everything Shelfwatch received, should a file be damaged; the three newest are
        kept. Raw postbacks are dropped only once a backup holds what they changed.
      </p>
      {state.status === 'loading' ? <Loading what="the backups" /> : null}
      {state.status === 'error' ? (
        <ErrorState message={`Could not list the backups: ${state.error}`} onRetry={() => reload()} />
      ) : null}
      {state.data ? <Backups list={state.data} /> : null}
      <button type="button" className="button" onClick={backUp} disabled={busy || state.data?.running === true}>
        {busy || state.data?.running ? 'Backing up…' : 'Back up now'}
      </button>{' '}
      {answer ? (
        <span
          role={answer.tone === 'error' ? 'alert' : 'status'}
          className={answer.tone === 'error' ? 'field-error' : ''}
        >
          {answer.text}
        </span>
      ) : null}
    </fieldset>
  );
}

function Backups({ list }: { list: BackupList }) {
  return (
    <>
      {list.backups.length === 0 ? <p>No backup yet.</p> : null}
      {list.backups.length > 0 ? (
        <ul className="backup-list" aria-label="Backups">
          {list.backups.map((backup) => (
            <li key={backup.id} className="backup-row" data-testid="backup-row">
              <strong>{absoluteTime(backup.at)}</strong>{' '}
              <span className="muted">
                {backup.verified
                  ? `${REASONS[backup.reason]} · ${sizeText(backup.bytes)} · ${backup.products.toLocaleString()} products · `
                  : 'Failed its check: never used · '}
                <RelativeTime iso={backup.at} />
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {list.nextAt ? <p className="muted">Next daily backup: {clockTime(list.nextAt)}</p> : null}
      <FieldError message={list.lastError} />
      <div className="copy-line">
        <span>Folder:</span> <code data-testid="backup-folder">{list.folder}</code>
        <CopyButton text={list.folder} label="Copy the backup folder’s path" />
      </div>
    </>
  );
}

/** "118 MB", "4.2 MB", "350 KB" */
export function sizeText(bytes: number): string {
  const megabytes = bytes / 2 ** 20;
  if (megabytes >= 10) return `${Math.round(megabytes).toLocaleString()} MB`;
  if (megabytes >= 1) return `${megabytes.toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
