// Hash routes: they work the same from file:// (desktop) and from the server face, and need no server support.
export type Route =
  | { name: 'feed' }
  | { name: 'product'; key: string }
  | { name: 'watchlist' }
  | { name: 'setup' }
  | { name: 'settings' }
  | { name: 'home' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
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
      return { name: 'feed' };
    case '/watchlist':
      return { name: 'watchlist' };
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
  setup: '#/setup',
  settings: '#/settings',
  product: (key: string) => `#/product/${encodeURIComponent(key)}`,
};

export function navigate(href: string): void {
  window.location.hash = href.replace(/^#/, '');
}
