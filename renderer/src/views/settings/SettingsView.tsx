import { useState } from 'react';
import type { Settings } from '../../../../shared/contract/settings.js';
import { useApiClient } from '../../api/ApiContext.js';
import { messageOf, useLoad } from '../../api/useLoad.js';
import { useIsHubOwnUi } from '../../app/useThisDevice.js';
import { ErrorState, Loading } from '../../components/ErrorState.js';
import { changedGroups } from './changedGroups.js';
import { DevicesSettings } from './devices/DevicesSettings.js';
import { CheckboxField } from './fields.js';
import { ImpactAccountSettings } from './ImpactAccountSettings.js';
import { MappingEditor } from './MappingEditor.js';
import { MappingPreview } from './MappingPreview.js';
import { NotificationSettings } from './NotificationSettings.js';
import { PostbackSourceSettings } from './PostbackSourceSettings.js';
import { ReceiverSettings } from './ReceiverSettings.js';
import { RetentionSettings } from './RetentionSettings.js';
import { SecretRegenerator } from './SecretRegenerator.js';

export function SettingsView() {
  const { api } = useApiClient();
  const { state, reload } = useLoad(() => api.getSettings(undefined), [api]);
  if (state.status === 'ready') return <SettingsForm saved={state.data} />;
  // The desktop's choice of hub does not need the settings: it is how a hub that is gone is left.
  return (
    <>
      {state.status === 'loading' ? (
        <Loading what="settings" />
      ) : (
        <ErrorState message={`Could not load settings: ${state.error}`} onRetry={() => reload()} />
      )}
      <PostbackSourceSettings />
    </>
  );
}

function SettingsForm({ saved }: { saved: Settings }) {
  const { api } = useApiClient();
  // What is in force (a flag may override the stored receiver host/port); the form works without it.
  const setup = useLoad(() => api.setup(undefined), [api]).state.data ?? null;
  const [baseline, setBaseline] = useState(saved);
  const [draft, setDraft] = useState(saved);
  // A device following a hub may not manage the hub's receiver, retention, mapping, secret or devices (403): those
  // stay the hub's own UI's.
  const hubOwnUi = useIsHubOwnUi();
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
    // Only the groups changed; a changed mapping is sent whole (the complete list of overrides, removals included).
    const patch = changedGroups(baseline, draft);
    if (Object.keys(patch).length === 0) {
      setResult({ tone: 'ok', text: 'Nothing changed.' });
      return;
    }
    setBusy(true);
    api.updateSettings(patch).then(
      (settings) => {
        setBusy(false);
        setBaseline(settings);
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
      <PostbackSourceSettings />
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
      {hubOwnUi ? (
        <>
          <RetentionSettings value={draft.retention} onChange={(retention) => set({ retention })} />
          <ReceiverSettings
            value={draft.receiver}
            savedHeaderValue={baseline.receiver.headerValue}
            onChange={(receiver) => set({ receiver })}
            setup={setup}
          />
          <fieldset className="settings-group">
            <legend>Field mapping</legend>
            <p className="muted">
              Only for key names Shelfwatch does not recognize. Save, then re-process quarantined postbacks in Setup.
            </p>
            <MappingEditor mapping={draft.mapping} onChange={(mapping) => set({ mapping })} />
            <MappingPreview mapping={draft.mapping} />
          </fieldset>
        </>
      ) : null}
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
      {hubOwnUi ? <SecretRegenerator /> : null}
      {hubOwnUi ? <DevicesSettings /> : null}
    </section>
  );
}
