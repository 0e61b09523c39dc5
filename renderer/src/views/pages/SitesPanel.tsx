// The partner's sites: add one by its sitemap, feed or page address, see what the last scan found, read them again
// now, or delete one. Only this computer's own UI (the hub) sees it: sites make the hub fetch addresses.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { Site } from '../../../../shared/contract/pages.js';
import { useApiClient } from '../../api/ApiContext.js';
import { messageOf, useLoad } from '../../api/useLoad.js';
import { useStatus } from '../../app/StatusContext.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { ErrorState } from '../../components/ErrorState.js';
import { FieldError } from '../../components/FieldError.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { clockTime } from '../../lib/relativeTime.js';

const KIND_LABELS: Record<Site['kind'], string> = { sitemap: 'Sitemap', feed: 'Feed', page: 'Page' };

export function SitesPanel() {
  const { api } = useApiClient();
  const { state, reload } = useLoad(() => api.listSites(undefined), [api]);
  const scan = useStatus().state.data?.pageScan;
  const running = scan?.running ?? false;
  // A scan that finished changed the sites' counts: read them again (status events come a few a second at most, so
  // a short scan may finish between two of them: its end time is what tells).
  const finishedAt = scan?.lastFinishedAt;
  const seenFinish = useRef(finishedAt);
  useEffect(() => {
    if (finishedAt === seenFinish.current) return;
    seenFinish.current = finishedAt;
    reload(true);
  }, [finishedAt, reload]);
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const act = (work: Promise<unknown>) => {
    setBusy(true);
    setError(null);
    work.then(
      () => {
        setBusy(false);
        reload(true);
      },
      (e: unknown) => {
        setBusy(false);
        setError(messageOf(e));
      },
    );
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    act(api.addSite({ url: url.trim() }).then(() => setUrl('')));
  };

  return (
    <section className="sites-panel" aria-labelledby="sites-heading">
      <h2 id="sites-heading">Your sites</h2>
      <form className="add-site" onSubmit={add}>
        <label className="field grow">
          <span>Sitemap, feed or page address</span>
          <input
            type="url"
            required
            placeholder="https://yourblog.com/sitemap.xml"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
          />
        </label>
        <button type="submit" className="button primary" disabled={busy || url.trim() === ''}>
          Add site
        </button>
      </form>
      <FieldError message={error} />
      {state.status === 'error' ? (
        <ErrorState message={`Could not load your sites: ${state.error}`} onRetry={() => reload()} />
      ) : null}
      {state.status === 'ready' && state.data.items.length > 0 ? (
        <>
          <ul className="site-list" aria-label="Sites">
            {state.data.items.map((site) => (
              <li key={site.id} className="site-row" data-testid="site-row">
                <div className="site-main">
                  <span className="site-url">{site.url}</span>
                  <span className="muted">
                    {KIND_LABELS[site.kind]} · {site.pages.toLocaleString()} {site.pages === 1 ? 'page' : 'pages'}
                    {site.lastScan ? (
                      <>
                        {' · read '}
                        <RelativeTime iso={site.lastScan.at} />
                        {`: ${site.lastScan.links.toLocaleString()} links, ${site.lastScan.matched.toLocaleString()} to your products`}
                        {site.lastScan.errors > 0 ? `, ${site.lastScan.errors.toLocaleString()} could not be read` : ''}
                      </>
                    ) : (
                      ' · not read yet'
                    )}
                  </span>
                </div>
                <ConfirmButton
                  label="Delete"
                  ariaLabel={`Delete ${site.url}`}
                  confirmLabel="Delete site"
                  question="Forget this site and its pages?"
                  danger
                  onConfirm={() => act(api.deleteSite({ id: site.id }))}
                />
              </li>
            ))}
          </ul>
          <p className="row">
            <button
              type="button"
              className="button"
              onClick={() => act(api.scanSites(undefined))}
              disabled={busy || running}
            >
              {running ? 'Reading your pages…' : 'Read all pages now'}
            </button>
            {scan?.nextAt && !running ? <span className="muted">Next reading at {clockTime(scan.nextAt)}</span> : null}
          </p>
        </>
      ) : null}
    </section>
  );
}
