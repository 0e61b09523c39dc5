import { useApiClient } from '../../api/ApiContext.js';
import { useLoad } from '../../api/useLoad.js';
import { useStatus } from '../../app/StatusContext.js';
import { UrlChangedNote } from '../../app/UrlChangedBanner.js';
import { CopyButton } from '../../components/CopyButton.js';
import { ErrorState, Loading } from '../../components/ErrorState.js';
import { hrefs } from '../../routing/routes.js';
import { ConnectionState } from './ConnectionState.js';
import { ExposeInstructions } from './ExposeInstructions.js';
import { QuarantineList } from './QuarantineList.js';
import { SuccessResponse } from './SuccessResponse.js';

export function SetupView() {
  const { api } = useApiClient();
  const status = useStatus();
  const { state, reload } = useLoad(() => api.setup(undefined), [api]);
  if (state.status === 'loading') return <Loading what="the setup" />;
  if (state.status === 'error')
    return <ErrorState message={`Could not load the setup: ${state.error}`} onRetry={() => reload()} />;
  const setup = state.data;
  return (
    <section className="view setup-view" aria-labelledby="setup-heading">
      <header className="view-header">
        <h1 id="setup-heading">Connect impact.com</h1>
      </header>
      {status.state.data ? <ConnectionState status={status.state.data} /> : null}

      <h2>1. Your postback URL</h2>
      <p>It contains a secret: share it only with impact.com.</p>
      <div className="copy-line">
        <code data-testid="postback-url">{setup.postbackUrl}</code>
        <CopyButton text={setup.postbackUrl} label="Copy postback URL" />
      </div>
      <UrlChangedNote change={status.state.data?.postbackUrlChanged} />

      <h2>2. Make it reachable from the internet</h2>
      <ExposeInstructions setup={setup} />

      <h2>3. Turn on the postbacks in impact.com</h2>
      <p>
        Settings → Technical → Event Notifications → Product Data Change Events → Edit. Enter your public URL, then pick
        one of these:
      </p>
      <h3>POST with a JSON body (recommended)</h3>
      <p>HTTP method POST, Body Format JSON, Body:</p>
      <pre className="raw" data-testid="template-json">
        {setup.templates.jsonPost}
      </pre>
      <CopyButton text={setup.templates.jsonPost} label="Copy the JSON body template" />
      <h3>Or GET with the data in the URL</h3>
      <pre className="raw" data-testid="template-get">
        {setup.templates.getUrl}
      </pre>
      <CopyButton text={setup.templates.getUrl} label="Copy the GET URL template" />
      <p className="muted" data-testid="template-get-note">
        If you shorten it, keep Name and Url: without them the feed shows item ids instead of names and offers no
        product link. GET leaves out the image, the original price and the program; the POST body carries them.
      </p>
      <SuccessResponse text={setup.successResponse} />
      <h3>Optional: a second secret in a header</h3>
      {setup.headerName ? (
        <div className="copy-line">
          <code>
            {setup.headerName}: {setup.headerValue}
          </code>
          <CopyButton text={setup.headerValue} label="Copy the header value" />
        </div>
      ) : (
        <p>
          Set a header name and value in <a href={hrefs.settings}>Settings</a>, then add the same “HTTP Header” in
          impact.com.
        </p>
      )}
      <h3>Optional: only impact.com’s addresses</h3>
      <p data-testid="allow-list-note">
        If the receiver is reached directly (a port forward, not a tunnel), list the address ranges impact.com sends
        from under <a href={hrefs.settings}>Settings</a> → Receiver → Allowed senders; postbacks from anywhere else then
        get the same 404 as a wrong secret.
      </p>
      <p>Save in impact.com and send a test postback: this page says “Connected” as soon as it arrives.</p>

      <h2>Postbacks that need attention</h2>
      <QuarantineList quarantinedCount={status.state.data?.receiver.quarantined ?? 0} />
    </section>
  );
}
