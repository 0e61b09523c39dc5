// Hash routes: they work the same from file:// (desktop) and from the server face, and need no server support.
import type { FeedFilter } from '../../../shared/contract/enums.js';

export type Route =
  | { name: 'feed'; filter?: FeedFilter }
  | { name: 'product'; key: string }
  | { name: 'watchlist' }
  | { name: 'pages'; attention?: boolean }
  | { name: 'setup' }
  | { name: 'settings' }
  | { name: 'home' };

const FEED_FILTERS: readonly string[] = ['all', 'watched', 'alerts'];

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  // e.g. '#/feed?filter=alerts': where a desktop digest notification leads
  const filter = new URLSearchParams(query).get('filter');
  if (path.startsWith('/product/')) {
    try {
      const key = decodeURIComponent(path.slice('/product/'.length));
      if (key) return { name: 'product', key };
    } catch {
      // a malformed escape: treat like an unknown route
    }
    return { name: 'home' };
  }
  switch (path) {
    case '/feed':
      return filter && FEED_FILTERS.includes(filter)
        ? { name: 'feed', filter: filter as FeedFilter }
        : { name: 'feed' };
    case '/watchlist':
      return { name: 'watchlist' };
    case '/pages':
      return filter === 'attention' ? { name: 'pages', attention: true } : { name: 'pages' };
    case '/setup':
      return { name: 'setup' };
    case '/settings':
      return { name: 'settings' };
    default:
      return { name: 'home' };
  }
}

export const hrefs = {
  feed: '#/feed',
  watchlist: '#/watchlist',
  pages: '#/pages',
  /** the Pages view showing only the pages that need attention */
  pagesAttention: '#/pages?filter=attention',
  setup: '#/setup',
  settings: '#/settings',
  product: (key: string) => `#/product/${encodeURIComponent(key)}`,
};

export function navigate(href: string): void {
  window.location.hash = href.replace(/^#/, '');
}
