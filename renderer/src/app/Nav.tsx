import type { Route } from '../routing/routes.js';
import { hrefs } from '../routing/routes.js';

const LINKS = [
  { name: 'feed', href: hrefs.feed, label: 'Feed' },
  { name: 'watchlist', href: hrefs.watchlist, label: 'Watchlist' },
  { name: 'pages', href: hrefs.pages, label: 'Pages' },
  { name: 'setup', href: hrefs.setup, label: 'Setup' },
  { name: 'settings', href: hrefs.settings, label: 'Settings' },
] as const;

export function Nav({ current, unread }: { current: Route['name']; unread: number }) {
  return (
    <nav className="nav" aria-label="Main">
      <span className="brand">Shelfwatch</span>
      <ul>
        {LINKS.map((link) => (
          <li key={link.name}>
            <a href={link.href} aria-current={current === link.name ? 'page' : undefined}>
              {link.label}
              {/* named by what it shows ("Feed 3 unread"): a name that differs from the visible text confuses voice control */}
              {link.name === 'feed' && unread > 0 ? (
                <>
                  {' '}
                  <span className="count" data-testid="nav-unread">
                    {unread.toLocaleString()}
                  </span>{' '}
                  <span className="visually-hidden">unread</span>
                </>
              ) : null}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
