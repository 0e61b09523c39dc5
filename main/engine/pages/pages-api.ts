// The UI API's methods for the partner's sites and pages (issue 18). Sites are the hub's own business (adding one
// makes the hub fetch an address): their routes are admin, so a paired device gets 403 before these run. Pages and
// links are readable by every device.
import { randomUUID } from 'node:crypto';
import type { ApiResponse, ParsedRequest } from '../../../shared/contract/api.js';
import { ApiError } from '../../../shared/contract/errors.js';
import type { Command } from '../journal/record.js';
import type { Store } from '../store/store.js';
import type { PageScanner } from './scan/page-scanner.js';

type PagesMethod = 'listSites' | 'addSite' | 'deleteSite' | 'scanSites' | 'listPages' | 'pageLinks';

export interface PagesApiDeps {
  store: Store;
  scanner: PageScanner;
  run(command: Command): Promise<void>;
  clock(): number;
}

export function pagesMethods(deps: PagesApiDeps): {
  [M in PagesMethod]: (req: ParsedRequest<M>) => Promise<ApiResponse<M>>;
} {
  const { store, scanner } = deps;
  const index = store.pageIndex;
  return {
    listSites: async () => {
      return { items: index.sites.list() };
    },
    addSite: async ({ url }) => {
      const address = new URL(url).href;
      const known = () => index.sites.list().find((site) => site.url === address);
      if (known()) throw new ApiError(409, 'This site is already added.');
      const { kind } = await scanner.kindOf(address);
      if (known()) throw new ApiError(409, 'This site is already added.');
      const site = { id: randomUUID(), url: address, kind, addedAt: new Date(deps.clock()).toISOString() };
      await deps.run({ kind: 'addSite', site });
      scanner.scan();
      const added = index.sites.list().find((candidate) => candidate.id === site.id);
      if (!added) throw new ApiError(409, 'The site was deleted while it was being added.');
      return added;
    },
    deleteSite: async ({ id }) => {
      const exists = index.sites.list().some((site) => site.id === id);
      if (exists) await deps.run({ kind: 'deleteSite', id });
      return { deleted: exists };
    },
    scanSites: async () => {
      if (index.sites.count() === 0) throw new ApiError(409, 'Add a site first: a sitemap, a feed or a page address.');
      return scanner.scan();
    },
    listPages: async ({ attention, q, cursor, limit, detail }) => {
      const offset = cursor === undefined ? 0 : Number(cursor);
      if (!Number.isSafeInteger(offset) || offset < 0)
        throw new ApiError(400, 'cursor must be a `next` from an earlier page.');
      const query = {
        attention: attention === '1',
        q: q ?? '',
        cursor: offset,
        limit: limit ?? 50,
        detail: detail === '1',
      };
      return index.query.list(query, `${store.appliedSeq}:${index.writes}`);
    },
    pageLinks: async ({ url, detail }) => {
      const links = index.query.links(url, detail === '1');
      if (!links) throw new ApiError(404, 'That page is not among the pages read from your sites.');
      return links;
    },
  };
}
