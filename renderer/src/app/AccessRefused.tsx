// What a page the server no longer takes says (401), in place of the app: a browser whose access to the hub was
// revoked can pair again with a new code; this computer's own UI opened without its link (the token comes in the
// link `npm run serve` prints, and is kept for the tab only) is told where the link is, and can paste it.
import { type FormEvent, useState } from 'react';
import type { AccessKind } from '../api/access.js';
import { pairThisBrowser } from '../api/browserPairing.js';
import { messageOf } from '../api/useLoad.js';
import { FieldError } from '../components/FieldError.js';
import { TextField } from '../views/settings/fields.js';

export function AccessRefused({ kind }: { kind: AccessKind }) {
  return (
    <main className="pairing-screen" aria-labelledby="access-heading" data-testid="access-refused">
      {kind === 'device' ? <PairAgain /> : <OpenTheLink />}
    </main>
  );
}

function PairAgain() {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    pairThisBrowser(window, code, (input, init) => window.fetch(input, init)).then(
      () => window.location.reload(),
      (failure: unknown) => {
        setBusy(false);
        setError(messageOf(failure));
      },
    );
  };
  return (
    <>
      <h1 id="access-heading">This browser’s access to the hub was revoked</h1>
      <p>
        The hub no longer accepts this browser, so it shows nothing new. To pair again, open Settings → Devices → Add a
        device on the hub, then open its browser link here, or type its code below.
      </p>
      <OneFieldForm
        name="Pair again"
        label="Pairing code"
        value={code}
        onChange={setCode}
        onSubmit={submit}
        button={busy ? 'Pairing…' : 'Pair again'}
        busy={busy}
        error={error}
      />
    </>
  );
}

function OpenTheLink() {
  const [link, setLink] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const url = URL.canParse(link.trim()) ? new URL(link.trim()) : null;
    if (!url || url.origin !== window.location.origin || !url.hash.startsWith('#token=')) {
      setError(`That is not this page’s link: it starts with ${window.location.origin}/#token=`);
      return;
    }
    window.location.replace(url.href);
    window.location.reload();
  };
  return (
    <>
      <h1 id="access-heading">Open the link Shelfwatch printed when it started</h1>
      <p>
        Shelfwatch is running, but this page lacks its access token. The token comes in the UI link that{' '}
        <code>npm run serve</code> prints at start (<code>UI: {window.location.origin}/#token=…</code>), and is kept for
        one tab only: a new window or a restarted browser needs the link again.
      </p>
      <OneFieldForm
        name="Open the UI link"
        label="UI link"
        value={link}
        onChange={setLink}
        onSubmit={submit}
        button="Open"
        busy={false}
        error={error}
      />
    </>
  );
}

interface OneFieldFormProps {
  /** the form's accessible name */
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onSubmit: (event: FormEvent) => void;
  button: string;
  busy: boolean;
  error: string | null;
}

function OneFieldForm({ name, label, value, onChange, onSubmit, button, busy, error }: OneFieldFormProps) {
  return (
    <>
      <form className="field-row" onSubmit={onSubmit} aria-label={name}>
        <TextField label={label} value={value} onChange={onChange} />
        <button type="submit" className="button primary" disabled={busy || value.trim() === ''}>
          {button}
        </button>
      </form>
      <FieldError message={error} />
    </>
  );
}
