import type { PageRef } from '../../../../shared/contract/pages.js';
import { linkedFromText } from '../../../../shared/domain/pages-text.js';
import { isWebUrl } from '../../../../shared/domain/web-url.js';
import { useApiClient } from '../../api/ApiContext.js';
import { hrefs } from '../../routing/routes.js';

/** "Linked from 3 of your pages", with each page's title (text; opened in the browser, never in the app). */
export function LinkingPages({ pages }: { pages: PageRef[] }) {
  const client = useApiClient();
  if (pages.length === 0) return null;
  return (
    <details className="linking-pages" data-testid="product-pages">
      <summary>{linkedFromText(pages.length)}</summary>
      <ul>
        {pages.map((page) => (
          <li key={page.url}>
            <span className="page-title">{page.title}</span>{' '}
            {isWebUrl(page.url) ? (
              <button type="button" className="button small" onClick={() => client.openExternal(page.url)}>
                Open page
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <p>
        <a href={hrefs.pages}>All your pages</a>
      </p>
    </details>
  );
}
