// "Add a device": a name, then the one-time pairing link (for the desktop app), its code, and the link for a browser,
// with the time left. The list is looked at every few seconds until the device has paired, which it then says.
import { type FormEvent, useEffect, useState } from 'react';
import type { AddedDevice, Device } from '../../../../../shared/contract/device.js';
import { useApiClient } from '../../../api/ApiContext.js';
import { messageOf } from '../../../api/useLoad.js';
import { CopyButton } from '../../../components/CopyButton.js';
import { FieldError } from '../../../components/FieldError.js';
import { TextField } from '../fields.js';

const POLL_MS = 3_000;

export function AddDevice({ devices, onChange }: { devices: Device[]; onChange: () => void }) {
  const { api } = useApiClient();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<AddedDevice | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    api.addDevice({ name }).then(
      (answer) => {
        setBusy(false);
        setAdded(answer);
        setName('');
        onChange();
      },
      (failure: unknown) => {
        setBusy(false);
        setError(messageOf(failure));
      },
    );
  };
  // A device added without a name names itself when it pairs ("Browser on macOS"); a typed name stays.
  const pairedNow = added ? devices.find((device) => device.id === added.device.id && device.pairedAt) : undefined;
  return (
    <div className="add-device">
      <form className="field-row" onSubmit={submit} aria-label="Add a device">
        <TextField label="Device name" value={name} onChange={setName} />
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Adding…' : 'Add a device'}
        </button>
      </form>
      <FieldError message={error} />
      {added && pairedNow ? (
        <p role="status" data-testid="device-paired">
          ✓ {pairedNow.name} is paired.
        </p>
      ) : null}
      {added && !pairedNow ? <PairingCard added={added} onPoll={onChange} /> : null}
    </div>
  );
}

function PairingCard({ added, onPoll }: { added: AddedDevice; onPoll: () => void }) {
  const secondsLeft = useSecondsUntil(added.expiresAt);
  const expired = secondsLeft <= 0;
  useEffect(() => {
    if (expired) return;
    const timer = setInterval(onPoll, POLL_MS);
    return () => clearInterval(timer);
  }, [expired, onPoll]);
  if (expired) {
    return (
      <p className="field-error" role="status" data-testid="pairing-expired">
        The code for {added.device.name} expired unused. Add the device again for a new one.
      </p>
    );
  }
  const browserLink = browserLinkOf(added);
  return (
    <section className="pairing-card" aria-label={`Pairing ${added.device.name}`} data-testid="pairing-card">
      <p>
        Pair <strong>{added.device.name}</strong> within{' '}
        <span data-testid="pairing-countdown">{minutesSeconds(secondsLeft)}</span>; the code works once.
      </p>
      <h3>Desktop app</h3>
      <p className="muted">Settings → Where postbacks arrive → A Shelfwatch hub: paste this link.</p>
      <div className="copy-line">
        <code data-testid="pairing-link">{added.pairingLink}</code>
        <CopyButton text={added.pairingLink} label="Copy the pairing link" />
      </div>
      <p>
        Code: <code data-testid="pairing-code">{added.pairingCode}</code>
      </p>
      <h3>Browser</h3>
      <p className="muted">Open this link on the device (its browser asks once to accept the hub’s certificate).</p>
      <div className="copy-line">
        <code data-testid="browser-link">{browserLink}</code>
        <CopyButton text={browserLink} label="Copy the browser link" />
      </div>
    </section>
  );
}

/** https://<hub>/#pair=<code>: the hub's address as the pairing link names it. */
export function browserLinkOf(added: AddedDevice): string {
  const hub = new URL(added.pairingLink).searchParams.get('hub') ?? '';
  return `${hub.replace(/\/+$/, '')}/#pair=${encodeURIComponent(added.pairingCode)}`;
}

function minutesSeconds(total: number): string {
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

function useSecondsUntil(iso: string): number {
  const left = () => Math.max(0, Math.ceil((Date.parse(iso) - Date.now()) / 1000));
  const [seconds, setSeconds] = useState(left);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `left` only reads `iso`
  useEffect(() => {
    setSeconds(left());
    const timer = setInterval(() => setSeconds(left()), 1000);
    return () => clearInterval(timer);
  }, [iso]);
  return seconds;
}
