import { useState } from 'react';
import type { Settings } from '../../../../shared/model.js';
import { useApiClient } from '../../api/ApiContext.js';
import { messageOf, useLoad } from '../../api/useLoad.js';
import { ErrorState, Loading } from '../../components/ErrorState.js';
import { CheckboxField } from './fields.js';
import { ImpactAccountSettings } from './ImpactAccountSettings.js';
import { MappingEditor } from './MappingEditor.js';
import { MappingPreview } from './MappingPreview.js';
import { NotificationSettings } from './NotificationSettings.js';
import { ReceiverSettings } from './ReceiverSettings.js';
import { RetentionSettings } from './RetentionSettings.js';
import { SecretRegenerator } from './SecretRegenerator.js';

export function SettingsView() {
  const { api } = useApiClient();
  const { state, reload } = useLoad(() => api.getSettings(undefined), [api]);
  if (state.status === 'loading') return <Loading what="settings" />;
  if (state.status === 'error')
    return <ErrorState message={`Could not load settings: ${state.error}`} onRetry={() => reload()} />;
  return <SettingsForm saved={state.data} />;
}

function SettingsForm({ saved }: { saved: Settings }) {
  const { api } = useApiClient();
  // What is in force (a flag may override the stored receiver host/port); the form works without it.
  const setup = useLoad(() => api.setup(undefined), [api]).state.data ?? null;
  const [draft, setDraft] = useState(saved);
  const [result, setResult] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Settings>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setResult(null);
  };

  const save = () => {
    const numbers = [draft.notifications.digestWindowSeconds, draft.receiver.port, ...Object.values(draft.retention)];
    if (!numbers.every((n) => Number.isFinite(n) && n >= 0)) {
      setResult({ tone: 'error', text: 'Not saved: every number field needs a number.' });
      return;
    }
    setBusy(true);
    // The mapping is sent whole: it is the complete list of the user's overrides, removals included.
    const { mapping, notifications, launchAtLogin, retention, receiver } = draft;
    api.updateSettings({ mapping, notifications, launchAtLogin, retention, receiver }).then(
      (settings) => {
        setBusy(false);
        setDraft(settings);
        setResult({ tone: 'ok', text: 'Saved.' });
      },
      (error: unknown) => {
        setBusy(false);
        setResult({ tone: 'error', text: `Not saved: ${messageOf(error)}` });
      },
    );
  };

  return (
    <section className="view settings-view" aria-labelledby="settings-heading">
      <header className="view-header">
        <h1 id="settings-heading">Settings</h1>
      </header>
      <ImpactAccountSettings />
      <NotificationSettings value={draft.notifications} onChange={(notifications) => set({ notifications })} />
      <fieldset className="settings-group">
        <legend>Start-up</legend>
        <CheckboxField
          label="Launch at login (desktop app)"
          checked={draft.launchAtLogin}
          onChange={(launchAtLogin) => set({ launchAtLogin })}
        />
      </fieldset>
      <RetentionSettings value={draft.retention} onChange={(retention) => set({ retention })} />
      <ReceiverSettings value={draft.receiver} onChange={(receiver) => set({ receiver })} setup={setup} />
      <fieldset className="settings-group">
        <legend>Field mapping</legend>
        <p className="muted">
          Only for key names Shelfwatch does not recognize. Save, then re-process quarantined postbacks in Setup.
        </p>
        <MappingEditor mapping={draft.mapping} onChange={(mapping) => set({ mapping })} />
        <MappingPreview mapping={draft.mapping} />
      </fieldset>
      <div className="save-bar">
        <button type="button" className="button primary" onClick={save} disabled={busy}>
          {busy ? 'Saving…' : 'Save settings'}
        </button>
        {result ? (
          <span
            role={result.tone === 'error' ? 'alert' : 'status'}
            className={result.tone === 'error' ? 'field-error' : ''}
          >
            {result.text}
          </span>
        ) : null}
      </div>
      <SecretRegenerator />
    </section>
  );
}
