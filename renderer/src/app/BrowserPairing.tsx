// The first screen of a browser opening a hub's pairing link (https://<hub>/#pair=<code>): it pairs, then the app
// starts as a device of that hub. A refused code says why and what to do; a browser paired before can go on as it was.
import { useEffect, useState } from 'react';
import { messageOf } from '../api/useLoad.js';

export interface BrowserPairingProps {
  pair: () => Promise<void>;
  /** the app, as this browser's device (or as it was before, when it already had a pairing) */
  onDone: () => void;
  pairedBefore: boolean;
}

/** One attempt per page: a code works once, so a second mount (React's StrictMode) must not send it again. */
const attempts = new WeakMap<() => Promise<void>, Promise<void>>();

export function BrowserPairing({ pair, onDone, pairedBefore }: BrowserPairingProps) {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let attempt = attempts.get(pair);
    if (!attempt) {
      attempt = pair();
      attempts.set(pair, attempt);
    }
    let current = true;
    attempt.then(
      () => current && onDone(),
      (failure: unknown) => current && setError(messageOf(failure)),
    );
    return () => {
      current = false;
    };
  }, [pair, onDone]);

  return (
    <main className="pairing-screen" aria-labelledby="pairing-heading">
      <h1 id="pairing-heading">Pair this browser with the hub</h1>
      {error ? (
        <div className="banner error" role="alert" data-testid="pairing-error">
          <strong>This browser was not paired. </strong>
          <span>{error}</span>
          {pairedBefore ? (
            <p>
              <button type="button" className="button" onClick={onDone}>
                Open Shelfwatch as paired before
              </button>
            </p>
          ) : null}
        </div>
      ) : (
        <p className="muted" role="status">
          Pairing with the hub…
        </p>
      )}
    </main>
  );
}
