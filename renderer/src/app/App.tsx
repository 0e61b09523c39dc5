import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useBrowserAlerts } from '../alerts/useBrowserAlerts.js';
import { useUnreadBadge } from '../alerts/useUnreadBadge.js';
import { useApiClient, useUiEvents } from '../api/ApiContext.js';
import { Loading } from '../components/ErrorState.js';
import { ImpactProvider } from '../impact/ImpactContext.js';
import { hrefs, navigate, type Route } from '../routing/routes.js';
import { useHashRoute } from '../routing/useHashRoute.js';
import { FeedView } from '../views/feed/FeedView.js';
import { PagesView } from '../views/pages/PagesView.js';
import { ProductView } from '../views/product/ProductView.js';
import { SettingsView } from '../views/settings/SettingsView.js';
import { SetupView } from '../views/setup/SetupView.js';
import { WatchlistView } from '../views/watchlist/WatchlistView.js';
import { WatchesProvider } from '../watch/WatchesContext.js';
import { AccessRefused } from './AccessRefused.js';
import { Nav } from './Nav.js';
import { StatusProvider, useStatus } from './StatusContext.js';
import { StatusLine } from './StatusLine.js';

export function App() {
  // A hub's `reset`: what this UI missed is gone, so every view (and the status) loads again from the API.
  const [generation, setGeneration] = useState(0);
  useUiEvents((event) => {
    if (event.type === 'reset') setGeneration((current) => current + 1);
  });
  const { access } = useApiClient();
  const refused = useSyncExternalStore(access?.subscribe ?? noSubscription, () => access?.refused() ?? false);
  if (access && refused) return <AccessRefused kind={access.kind} />;
  return (
    <StatusProvider key={generation}>
      <WatchesProvider>
        <ImpactProvider>
          <Shell />
        </ImpactProvider>
      </WatchesProvider>
    </StatusProvider>
  );
}

const noSubscription = () => () => {};

function Shell() {
  const route = useHashRoute();
  const { state } = useStatus();
  const client = useApiClient();
  const main = useRef<HTMLElement>(null);
  useBrowserAlerts();
  useUnreadBadge(state.data?.unread ?? 0, client.desktop === undefined);

  // The desktop face routes here, e.g. when the user clicks a notification.
  useEffect(() => client.onNavigate?.((target) => navigate(target.startsWith('#') ? target : `#${target}`)), [client]);

  // Move focus to the new view so keyboard and screen-reader users land on it (not on the first load).
  const firstRoute = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each route change
  useEffect(() => {
    if (firstRoute.current) firstRoute.current = false;
    else main.current?.focus();
  }, [route]);

  // Nothing received yet: a new user starts at Setup; everyone else at the feed. Decided once, as a real route,
  // so the first postback does not pull the user away from Setup while they watch it say "Connected".
  // A device following a hub starts at the feed: connecting impact.com is the hub's business.
  const newHere = state.data ? state.data.receiver.received === 0 && !state.data.device : false;
  const startAt = state.data ? (newHere ? hrefs.setup : hrefs.feed) : null;
  const failed = state.status === 'error';
  useEffect(() => {
    if (route.name === 'home' && (startAt || failed)) window.location.replace(startAt ?? hrefs.feed);
  }, [route.name, startAt, failed]);

  return (
    <div className="app">
      <Nav current={route.name} unread={state.data?.unread ?? 0} />
      <div className="content">
        <StatusLine />
        <main ref={main} tabIndex={-1} className="main">
          {route.name === 'home' ? <Loading what="Shelfwatch" /> : renderView(route)}
        </main>
      </div>
    </div>
  );
}

function renderView(route: Route) {
  switch (route.name) {
    case 'product':
      return <ProductView key={route.key} productKey={route.key} />;
    case 'watchlist':
      return <WatchlistView />;
    case 'pages':
      return <PagesView key={route.attention ? 'attention' : 'all'} attentionOnly={route.attention ?? false} />;
    case 'setup':
      return <SetupView />;
    case 'settings':
      return <SettingsView />;
    default:
      return (
        <FeedView
          key={route.name === 'feed' ? route.filter : undefined}
          initialFilter={route.name === 'feed' ? route.filter : undefined}
        />
      );
  }
}
