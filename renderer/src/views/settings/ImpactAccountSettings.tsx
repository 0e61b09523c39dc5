import { useState } from 'react';
import type { ImpactAccount } from '../../../../shared/contract/impact.js';
import { useApiClient } from '../../api/ApiContext.js';
import { messageOf } from '../../api/useLoad.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { ErrorState, Loading } from '../../components/ErrorState.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { useImpact } from '../../impact/ImpactContext.js';
import { clockTime } from '../../lib/relativeTime.js';
import { ImpactAccountForm } from './ImpactAccountForm.js';
import { ImpactAccountHelp } from './ImpactAccountHelp.js';

type Answer = { tone: 'ok' | 'error'; text: string } | null;

/** Settings → impact.com account: connect with the Account SID and Auth Token, see what it gives, disconnect. */
export function ImpactAccountSettings() {
  const { account, reload } = useImpact();
  // Verify's answer outlives the switch from the form to the connected account.
  const [answer, setAnswer] = useState<Answer>(null);
  const [replacing, setReplacing] = useState(false);
  const connected = account.data?.connected === true;
  return (
    <fieldset className="settings-group impact-account" data-testid="impact-account">
      <legend>impact.com account</legend>
      {account.status === 'loading' ? <Loading what="the impact.com account" /> : null}
      {account.status === 'error' ? (
        <ErrorState message={`Could not read the impact.com account: ${account.error}`} onRetry={reload} />
      ) : null}
      {account.data && connected ? (
        <ConnectedAccount
          account={account.data}
          replacing={replacing}
          onAnswer={setAnswer}
          onReplace={() => setReplacing(!replacing)}
        />
      ) : null}
      {account.data && (!connected || replacing) ? (
        <ImpactAccountForm
          accountSid={account.data.accountSid ?? ''}
          replacing={connected}
          onAnswer={(next) => {
            setAnswer(next);
            if (next?.tone === 'ok') setReplacing(false);
          }}
        />
      ) : null}
      {answer ? (
        <p
          className={answer.tone === 'error' ? 'field-error' : 'account-answer'}
          role={answer.tone === 'error' ? 'alert' : 'status'}
          data-testid="account-answer"
        >
          {answer.text}
        </p>
      ) : null}
      <ImpactAccountHelp />
    </fieldset>
  );
}

function ConnectedAccount(props: {
  account: ImpactAccount;
  replacing: boolean;
  onAnswer: (answer: Answer) => void;
  onReplace: () => void;
}) {
  const { api } = useApiClient();
  const { catalogs, replaceAccount, reload } = useImpact();
  const { account } = props;
  const disconnect = () => {
    api.disconnectImpactAccount(undefined).then(
      (next) => {
        replaceAccount(next);
        reload();
        props.onAnswer({ tone: 'ok', text: 'Disconnected: the Auth Token is forgotten.' });
      },
      (error: unknown) => props.onAnswer({ tone: 'error', text: messageOf(error) }),
    );
  };
  return (
    <>
      <p className="connection-state account-connected">Connected</p>
      <dl className="facts compact">
        <dt>Account SID</dt>
        <dd>{account.accountSid}</dd>
        <dt>Catalogs</dt>
        <dd className="number">{catalogs.length.toLocaleString()}</dd>
        <dt>Last catalog sync</dt>
        <dd>{account.lastCatalogSyncAt ? <RelativeTime iso={account.lastCatalogSyncAt} /> : 'not yet'}</dd>
        {account.rateLimit ? (
          <>
            <dt>Rate limit</dt>
            <dd>
              {account.rateLimit.remaining.toLocaleString()} requests left this hour
              {account.rateLimit.resetAt ? ` (resets at ${clockTime(account.rateLimit.resetAt, Date.now())})` : ''}
            </dd>
          </>
        ) : null}
      </dl>
      <div className="row">
        <button type="button" className="button" onClick={props.onReplace} aria-expanded={props.replacing}>
          Replace the token
        </button>
        <ConfirmButton
          label="Disconnect"
          confirmLabel="Yes, disconnect"
          question="Forget the Auth Token? Search and checks stop; your watches, brand names and history stay."
          danger
          onConfirm={disconnect}
        />
      </div>
    </>
  );
}
