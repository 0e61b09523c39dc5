import { useState } from 'react';
import type { Settings, SettingsPatch } from '../../../../shared/contract/settings.js';
import { useApiClient } from '../../api/ApiContext.js';
import { messageOf, useLoad } from '../../api/useLoad.js';
import { useIsHubOwnUi, useThisDevice } from '../../app/useThisDevice.js';
import { ErrorState, Loading } from '../../components/ErrorState.js';
import { ManagedOnHub } from '../../components/ManagedOnHub.js';
import { changedGroups } from './changedGroups.js';
import { ChannelsSettings } from './channels/ChannelsSettings.js';
import { DataSettings } from './data/DataSettings.js';
import { DevicesSettings } from './devices/DevicesSettings.js';
import { CheckboxField } from './fields.js';
import { ImpactAccountSettings } from './ImpactAccountSettings.js';
import { MappingEditor } from './MappingEditor.js';
import { MappingPreview } from './MappingPreview.js';
import { NotificationSettings } from './NotificationSettings.js';
import { PostbackSourceSettings } from './PostbackSourceSettings.js';
import { ReceiverSettings } from './ReceiverSettings.js';
import { RetentionSettings } from './RetentionSettings.js';
import { deletionText, loweredRetention } from './retentionWarning.js';
import { SecretRegenerator } from './SecretRegenerator.js';
import { type FieldProblem, InvalidSettings, outOfRange, problemOfMessage } from './settingFields.js';

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
  const { api, desktop } = useApiClient();
  // Launching at login is the desktop app's; a browser has nothing to launch.
  const desktopApp = desktop !== undefined;
  // What is in force (a flag may override the stored receiver host/port); the form works without it.
  const setup = useLoad(() => api.setup(undefined), [api]).state.data ?? null;
  const [baseline, setBaseline] = useState(saved);
  const [draft, setDraft] = useState(saved);
  // A device following a hub may not manage the hub's receiver, retention, mapping, secret or devices (403): those
  // stay the hub's own UI's.
  const hubOwnUi = useIsHubOwnUi();
  const device = useThisDevice();
  const [result, setResult] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  /** the settings the last save found wrong: their fields are highlighted */
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  /** what saving would delete, waiting for the user to confirm */
  const [deletes, setDeletes] = useState<string | null>(null);
  const set = (patch: Partial<Settings>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setResult(null);
    setInvalid(new Set());
    setDeletes(null);
  };
  const refuse = (problems: FieldProblem[], fallback: string) => {
    setInvalid(new Set(problems.map((problem) => problem.setting)));
    setResult({
      tone: 'error',
      text: `Not saved: ${problems.map((problem) => problem.message).join(' ') || fallback}`,
    });
  };

  const send = (patch: SettingsPatch) => {
    setDeletes(null);
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
        const problem = problemOfMessage(messageOf(error));
        refuse(problem ? [problem] : [], messageOf(error));
      },
    );
  };

  const save = () => {
    const problems = outOfRange(draft);
    if (problems.length > 0) return refuse(problems, '');
    // Only the groups changed; a changed mapping is sent whole (the complete list of overrides, removals included).
    const patch = changedGroups(baseline, draft);
    if (Object.keys(patch).length === 0) {
      setResult({ tone: 'ok', text: 'Nothing changed.' });
      return;
    }
    const lowered = loweredRetention(baseline.retention, draft.retention);
    if (!lowered) return send(patch);
    setBusy(true);
    api.previewRetention(lowered).then(
      (preview) => {
        setBusy(false);
        const text = deletionText(preview, lowered);
        if (text) setDeletes(text);
        else send(patch);
      },
      (error: unknown) => {
        setBusy(false);
        setResult({ tone: 'error', text: `Not saved: could not count what this deletes: ${messageOf(error)}` });
      },
    );
  };

  return (
    <InvalidSettings.Provider value={invalid}>
      <section className="view settings-view" aria-labelledby="settings-heading">
        <header className="view-header">
          <h1 id="settings-heading">Settings</h1>
        </header>
        <PostbackSourceSettings />
        {hubOwnUi ? <ImpactAccountSettings /> : null}
        <NotificationSettings value={draft.notifications} onChange={(notifications) => set({ notifications })} />
        {desktopApp ? (
          <fieldset className="settings-group">
            <legend>Start-up</legend>
            <CheckboxField
              label="Launch at login"
              checked={draft.launchAtLogin}
              onChange={(launchAtLogin) => set({ launchAtLogin })}
            />
          </fieldset>
        ) : null}
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
        {device ? (
          <fieldset className="settings-group">
            <legend>On the hub</legend>
            <ManagedOnHub>
              The impact.com account, the receiver and its secret, what is kept and the field mapping are managed on the
              hub’s own Shelfwatch, for every device that follows it.
            </ManagedOnHub>
          </fieldset>
        ) : null}
        <div className="save-bar">
          <button type="button" className="button primary" onClick={save} disabled={busy || deletes !== null}>
            {busy ? 'Saving…' : 'Save settings'}
          </button>
          {deletes ? (
            <span className="confirm-deletion" role="alert" data-testid="retention-warning">
              <span>{deletes}</span>
              <button type="button" className="button danger" onClick={() => send(changedGroups(baseline, draft))}>
                Delete and save
              </button>
              <button type="button" className="button" onClick={() => setDeletes(null)}>
                Cancel
              </button>
            </span>
          ) : null}
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
        {hubOwnUi ? <ChannelsSettings /> : null}
        {hubOwnUi ? <DataSettings /> : null}
      </section>
    </InvalidSettings.Provider>
  );
}
