// Settings → Where postbacks arrive (the desktop app only): this computer's own receiver, or a Shelfwatch hub it
// follows (paste the hub's pairing link). Switching saves the choice and restarts the app into it.
import { type FormEvent, useState } from 'react';
import type { DesktopConnection } from '../../../../shared/contract/desktop-connection.js';
import { useApiClient } from '../../api/ApiContext.js';
import type { DesktopConnectionApi } from '../../api/client.js';
import { messageOf, useLoad } from '../../api/useLoad.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { FieldError } from '../../components/FieldError.js';
import { TextField } from './fields.js';

export function PostbackSourceSettings() {
  const { desktop } = useApiClient();
  return desktop ? <ConnectionChoice desktop={desktop} /> : null;
}

function ConnectionChoice({ desktop }: { desktop: DesktopConnectionApi }) {
  const { state } = useLoad(() => desktop.get(), [desktop]);
  const [picked, setPicked] = useState<DesktopConnection['mode'] | null>(null);
  const [outcome, setOutcome] = useState<{ restarting?: true; error?: string } | null>(null);
  if (state.status !== 'ready') return null;
  const current = state.data;
  const mode = picked ?? current.mode;
  const switchTo = (run: () => Promise<{ restarting: boolean }>) => {
    setOutcome(null);
    return run().then(
      (answer) => setOutcome(answer.restarting ? { restarting: true } : null),
      (error: unknown) => setOutcome({ error: messageOf(error) }),
    );
  };
  return (
    <fieldset className="settings-group" data-testid="postback-source">
      <legend>Where postbacks arrive</legend>
      <div className="choice-list" role="radiogroup" aria-label="Where postbacks arrive">
        <label className="check">
          <input type="radio" name="postback-source" checked={mode === 'local'} onChange={() => setPicked('local')} />
          This computer
        </label>
        <p className="muted choice-hint">Its own receiver takes impact.com’s postbacks (Setup shows how).</p>
        <label className="check">
          <input type="radio" name="postback-source" checked={mode === 'hub'} onChange={() => setPicked('hub')} />A
          Shelfwatch hub
        </label>
        <p className="muted choice-hint">
          An always-on Shelfwatch receives them; this app follows it and catches up after sleep. Notifications, the
          pause and launch at login stay this computer’s own.
        </p>
      </div>
      {current.hub ? (
        <p data-testid="following-hub">
          Following <code>{current.hub.url}</code> as <strong>{current.hub.deviceName}</strong>.
        </p>
      ) : null}
      {mode === 'hub' ? (
        <FollowHubForm current={current} onFollow={(request) => switchTo(() => desktop.followHub(request))} />
      ) : null}
      {mode === 'local' && current.mode === 'hub' ? (
        <ConfirmButton
          label="Use this computer"
          confirmLabel="Yes, restart"
          question="Shelfwatch restarts and takes postbacks itself again. The hub lists this device until you revoke it there."
          onConfirm={() => void switchTo(() => desktop.switchToThisComputer())}
        />
      ) : null}
      {outcome?.restarting ? (
        <p role="status" data-testid="restarting">
          Saved. Shelfwatch is restarting…
        </p>
      ) : null}
      <FieldError message={outcome?.error} />
    </fieldset>
  );
}

function FollowHubForm(props: {
  current: DesktopConnection;
  onFollow: (request: { link: string; deviceName: string }) => Promise<void>;
}) {
  const { current } = props;
  const [link, setLink] = useState('');
  const [deviceName, setDeviceName] = useState(current.hub?.deviceName ?? current.suggestedDeviceName);
  const [busy, setBusy] = useState(false);
  if (current.tokenStorageProblem) {
    return (
      <p className="field-error" role="alert" data-testid="token-storage-problem">
        {current.tokenStorageProblem}
      </p>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    void props.onFollow({ link, deviceName }).finally(() => setBusy(false));
  };
  return (
    <form className="follow-hub" onSubmit={submit} aria-label="Follow a hub">
      <label className="field grow">
        <span>Pairing link</span>
        <textarea
          rows={3}
          value={link}
          spellCheck={false}
          placeholder="shelfwatch://pair?hub=…"
          onChange={(event) => setLink(event.target.value)}
        />
        <small className="muted">
          On the hub: Settings → Devices → Add a device. A link works once, for 10 minutes.
        </small>
      </label>
      <TextField label="This computer’s name on the hub" value={deviceName} onChange={setDeviceName} />
      <button type="submit" className="button primary" disabled={busy || link.trim() === ''}>
        {busy ? 'Pairing…' : current.mode === 'hub' ? 'Pair again' : 'Follow this hub'}
      </button>
    </form>
  );
}
