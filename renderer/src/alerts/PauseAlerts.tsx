// Pausing alerts from the window, for the faces that have no tray menu to do it (the browser): the same choices and
// the same setting as the desktop tray's "Pause alerts ▸". The feed keeps recording; notifications wait.
import { useState } from 'react';
import { activePauseEnd, type PauseChoice, pauseEndsAt } from '../../../shared/domain/alert-policy-pause.js';
import { useApiClient } from '../api/ApiContext.js';
import { messageOf } from '../api/useLoad.js';
import { useStatus } from '../app/StatusContext.js';

export function PauseAlerts() {
  const { api } = useApiClient();
  const { state } = useStatus();
  const [error, setError] = useState<string | null>(null);
  const pausedUntil = activePauseEnd(state.data?.alertsPausedUntil ?? null, Date.now());
  const save = (alertsPausedUntil: string | null) => {
    setError(null);
    api.updateSettings({ alertsPausedUntil }).then(
      () => {},
      (failure: unknown) => setError(messageOf(failure)),
    );
  };
  const pause = (choice: PauseChoice) => () => save(pauseEndsAt(choice, new Date()));
  return (
    <div className="field pause-alerts" data-testid="pause-alerts">
      <span>
        {pausedUntil
          ? `Alerts paused until ${new Date(pausedUntil).toLocaleString([], { weekday: 'short', hour: 'numeric', minute: '2-digit' })}`
          : 'Pause alerts'}
      </span>
      <span className="button-row">
        {pausedUntil ? (
          <button type="button" className="button small" onClick={() => save(null)}>
            Resume alerts
          </button>
        ) : (
          <>
            <button
              type="button"
              className="button small"
              onClick={pause('one-hour')}
              aria-label="Pause alerts for 1 hour"
            >
              For 1 hour
            </button>
            <button
              type="button"
              className="button small"
              onClick={pause('until-tomorrow-morning')}
              aria-label="Pause alerts until tomorrow 8:00"
            >
              Until tomorrow 8:00
            </button>
          </>
        )}
      </span>
      {error ? (
        <span className="field-error" role="alert">
          Not paused: {error}
        </span>
      ) : null}
    </div>
  );
}
