import { useState } from 'react';
import { useApiClient } from '../../api/ApiContext.js';
import { messageOf } from '../../api/useLoad.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { CopyButton } from '../../components/CopyButton.js';
import { FieldError } from '../../components/FieldError.js';

/** A leaked postback URL can be retired: the old secret stops working at once, so it asks first. */
export function SecretRegenerator() {
  const { api } = useApiClient();
  const [result, setResult] = useState<{ url?: string; error?: string } | null>(null);
  const regenerate = () => {
    api.regenerateSecret(undefined).then(
      (setup) => setResult({ url: setup.postbackUrl }),
      (error: unknown) => setResult({ error: messageOf(error) }),
    );
  };
  return (
    <fieldset className="settings-group">
      <legend>Postback secret</legend>
      <p className="muted">A new secret invalidates the old postback URL: impact.com must be updated right after.</p>
      <ConfirmButton
        label="Regenerate secret"
        confirmLabel="Yes, regenerate"
        question="The current postback URL will stop working. Continue?"
        danger
        onConfirm={regenerate}
      />
      {result?.url ? (
        <div className="copy-line" role="status">
          <span>New postback URL:</span> <code data-testid="new-postback-url">{result.url}</code>
          <CopyButton text={result.url} label="Copy the new postback URL" />
        </div>
      ) : null}
      <FieldError message={result?.error} />
    </fieldset>
  );
}
