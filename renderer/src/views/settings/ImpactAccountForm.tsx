import { type FormEvent, useId, useState } from 'react';
import { useApiClient } from '../../api/ApiContext.js';
import { messageOf } from '../../api/useLoad.js';
import { useImpact } from '../../impact/ImpactContext.js';

interface ImpactAccountFormProps {
  accountSid: string;
  /** an account is connected: this replaces its token */
  replacing: boolean;
  onAnswer: (answer: { tone: 'ok' | 'error'; text: string } | null) => void;
}

/**
 * The Account SID and Auth Token, verified by impact.com before they are kept. The token field is a password field
 * and starts empty every time: the UI never receives a saved token, so it can never show one.
 */
export function ImpactAccountForm({ accountSid, replacing, onAnswer }: ImpactAccountFormProps) {
  const { api } = useApiClient();
  const { replaceAccount, reload } = useImpact();
  const [sid, setSid] = useState(accountSid);
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();

  const verify = (event: FormEvent) => {
    event.preventDefault();
    if (!sid.trim()) return onAnswer({ tone: 'error', text: 'Enter the Account SID.' });
    if (!token.trim()) return onAnswer({ tone: 'error', text: 'Enter the Auth Token.' });
    setBusy(true);
    onAnswer(null);
    connect(sid.trim(), token.trim()).then(
      (catalogCount) => {
        setBusy(false);
        setToken('');
        const catalogs = `${catalogCount.toLocaleString()} ${catalogCount === 1 ? 'catalog' : 'catalogs'}`;
        onAnswer({ tone: 'ok', text: `Connected: ${catalogs}.` });
      },
      (error: unknown) => {
        setBusy(false);
        onAnswer({ tone: 'error', text: messageOf(error) });
      },
    );
  };

  const connect = async (accountSid: string, authToken: string): Promise<number> => {
    const account = await api.connectImpactAccount({ accountSid, authToken });
    replaceAccount(account);
    reload();
    // Connecting read the catalogs already; this is the engine's cached copy, not another request to impact.com.
    return (await api.listCatalogs(undefined)).length;
  };

  return (
    <form className="account-form" onSubmit={verify} aria-label="impact.com credentials">
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-sid`}>Account SID</label>
          <input
            id={`${id}-sid`}
            value={sid}
            onChange={(event) => setSid(event.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-token`}>Auth Token</label>
          <input
            id={`${id}-token`}
            type="password"
            value={token}
            onChange={(event) => setToken(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-token-hint`}
          />
          <small className="muted" id={`${id}-token-hint`}>
            {replacing
              ? 'The saved token is never shown. Enter a new one to replace it.'
              : 'Kept safe once verified, and never shown again.'}
          </small>
        </div>
      </div>
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? 'Verifying…' : 'Verify and connect'}
      </button>
    </form>
  );
}
