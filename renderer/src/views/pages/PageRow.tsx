// One of the partner's pages: its title and address (text: never a link into the app, opened only in the browser),
// when it was read, its links, and what needs attention, product by product. "Links" shows each link.
import { useState } from 'react';
import type { PageItem, PageProduct } from '../../../../shared/contract/pages.js';
import { isWebUrl } from '../../../../shared/domain/web-url.js';
import { useApiClient } from '../../api/ApiContext.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { hrefs } from '../../routing/routes.js';
import { PageLinks } from './PageLinks.js';
import { REASON_LABELS, readProblem } from './pageWords.js';

export function PageRow({ page, products }: { page: PageItem; products: Record<string, PageProduct> }) {
  const client = useApiClient();
  const [open, setOpen] = useState(false);
  const problem = readProblem(page.status, page.problem);
  const nameOf = (key: string) => products[key]?.name?.trim() || key.slice(key.indexOf(':') + 1);
  return (
    <li className={page.attention.length > 0 ? 'page-row needs-attention' : 'page-row'} data-testid="page-row">
      <div className="page-summary">
        <div className="page-main">
          <span className="page-title">{page.title}</span>
          <span className="page-url muted">{page.url}</span>
          <span className="muted">
            {page.scannedAt ? (
              <>
                Read <RelativeTime iso={page.scannedAt} />
                {' · '}
              </>
            ) : null}
            {`${page.links.toLocaleString()} ${page.links === 1 ? 'link' : 'links'}, ${page.matched.toLocaleString()} to your products`}
          </span>
          {problem ? <span className="field-error">{problem}</span> : null}
        </div>
        <div className="page-actions">
          {isWebUrl(page.url) ? (
            <button type="button" className="button small" onClick={() => client.openExternal(page.url)}>
              Open page
            </button>
          ) : null}
          <button type="button" className="button small" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? 'Hide links' : 'Links'}
          </button>
        </div>
      </div>
      {page.attention.length > 0 ? (
        <ul className="attention-list" aria-label="Needs attention">
          {page.attention.map((item) => (
            <li key={`${item.productKey}:${item.reason}`} className={`attention ${item.reason}`}>
              <span className="badge alert">{REASON_LABELS[item.reason]}</span>{' '}
              <a href={hrefs.product(item.productKey)}>{nameOf(item.productKey)}</a>
            </li>
          ))}
        </ul>
      ) : null}
      {open ? <PageLinks url={page.url} /> : null}
    </li>
  );
}
