// "Add a channel": paste the URL the service gave (with help for each service), name it, choose how alerts are
// gathered and which ones it gets. A webhook's signing secret is shown here once, right after it is added.
import { type FormEvent, useId, useState } from 'react';
import type { CreatedChannel } from '../../../../../shared/contract/channel.js';
import { DEFAULT_DIGEST_SECONDS } from '../../../../../shared/contract/channel.js';
import { useApiClient } from '../../../api/ApiContext.js';
import { messageOf } from '../../../api/useLoad.js';
import { CopyButton } from '../../../components/CopyButton.js';
import { FieldError } from '../../../components/FieldError.js';
import { type ChannelOptions, ChannelOptionsFields } from './ChannelOptionsFields.js';
import { CHANNEL_SERVICES, guessKind, serviceOf } from './channelServices.js';

const EMPTY: ChannelOptions = { name: '', digestSeconds: DEFAULT_DIGEST_SECONDS, filter: {} };

export function AddChannel({ onAdded }: { onAdded: () => void }) {
  const { api } = useApiClient();
  const [url, setUrl] = useState('');
  const [options, setOptions] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<CreatedChannel | null>(null);
  const urlId = useId();
  const kind = guessKind(url);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const name = options.name.trim() || (kind ? serviceOf(kind).label : 'Channel');
    api.createChannel({ ...options, name, url: url.trim() }).then(
      (created) => {
        setBusy(false);
        setUrl('');
        setOptions(EMPTY);
        setSecret(created.signingSecret ? created : null);
        onAdded();
      },
      (failure: unknown) => {
        setBusy(false);
        setError(messageOf(failure));
      },
    );
  };
  return (
    <div className="add-channel">
      {secret ? <SigningSecret channel={secret} onDone={() => setSecret(null)} /> : null}
      <form onSubmit={submit} aria-label="Add a channel">
        <h3>Add a channel</h3>
        <div className="field grow">
          <label htmlFor={urlId}>Channel URL</label>
          <input
            id={urlId}
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            placeholder="https://hooks.slack.com/services/…"
            aria-describedby={`${urlId}-help`}
          />
          <small className="muted" id={`${urlId}-help`}>
            {kind ? `${serviceOf(kind).label}: ${serviceOf(kind).where}` : 'Paste the address the service gave you.'}
          </small>
        </div>
        <WhereToGetIt />
        <ChannelOptionsFields value={options} onChange={setOptions} />
        <button type="submit" className="button primary" disabled={busy || url.trim() === ''}>
          {busy ? 'Adding…' : 'Add channel'}
        </button>
        <FieldError message={error && `Not added: ${error}`} />
      </form>
    </div>
  );
}

function WhereToGetIt() {
  return (
    <details className="channel-help">
      <summary>Where do I get this URL?</summary>
      <dl>
        {CHANNEL_SERVICES.map((service) => (
          <div key={service.kind}>
            <dt>{service.label}</dt>
            <dd>
              <code>{service.form}</code>
              <br />
              {service.where}
            </dd>
          </div>
        ))}
      </dl>
      <p className="muted">The URL holds the service’s key: Shelfwatch keeps it encrypted and never shows it again.</p>
    </details>
  );
}

function SigningSecret({ channel, onDone }: { channel: CreatedChannel; onDone: () => void }) {
  return (
    <section className="pairing-card" aria-label="Signing secret" data-testid="signing-secret">
      <p>
        <strong>{channel.name}</strong> is added. Its signing secret is shown this once: your endpoint checks each
        request’s <code>webhook-signature</code> with it (Standard Webhooks).
      </p>
      <div className="copy-line">
        <code>{channel.signingSecret}</code>
        <CopyButton text={channel.signingSecret ?? ''} label="Copy the signing secret" />
      </div>
      <button type="button" className="button small" onClick={onDone}>
        I have kept it
      </button>
    </section>
  );
}
