import { useState } from 'react';
import type { Watch } from '../../../shared/contract/watch.js';
import { messageOf } from '../api/useLoad.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { useWatches } from './WatchesContext.js';

/** Mute (takes effect at once) and stop watching, which deletes the watch and its rules (asks first). */
export function WatchActions({ watch, subject }: { watch: Watch; subject: string }) {
  const { update, remove } = useWatches();
  const [error, setError] = useState<string | null>(null);
  const run = (action: Promise<unknown>) => {
    setError(null);
    action.catch((e: unknown) => setError(messageOf(e)));
  };
  return (
    <span className="row">
      <button
        type="button"
        className="button small"
        aria-pressed={watch.muted}
        aria-label={watch.muted ? `Unmute ${subject}` : `Mute ${subject}`}
        onClick={() => run(update(watch.id, { muted: !watch.muted }))}
      >
        {watch.muted ? 'Unmute' : 'Mute'}
      </button>
      <ConfirmButton
        label="Stop watching"
        ariaLabel={`Stop watching ${subject}`}
        confirmLabel="Delete watch"
        question="Delete this watch and its rules? The product and its history stay."
        danger
        onConfirm={() => run(remove(watch.id))}
      />
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
