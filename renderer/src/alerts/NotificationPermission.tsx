// Whether this browser may show Shelfwatch's notifications, and the one button that asks. The browser asks the user
// once, and only because they pressed it: never on load. The desktop app needs none of this.
import { useState } from 'react';
import { useApiClient } from '../api/ApiContext.js';
import { webNotifications } from './webNotification.js';

export function NotificationPermission() {
  const client = useApiClient();
  const browser = client.desktop ? null : webNotifications(window);
  const [permission, setPermission] = useState(() => browser?.permission ?? null);
  if (client.desktop) return null;
  if (!browser) {
    return (
      <p className="field-note" data-testid="notification-permission">
        This browser cannot show notifications: alerts still show in the feed and in the tab’s title.
      </p>
    );
  }
  if (permission === 'granted') {
    return (
      <p className="muted" data-testid="notification-permission">
        This browser shows Shelfwatch’s notifications while a Shelfwatch tab is open.
      </p>
    );
  }
  if (permission === 'denied') {
    return (
      <p className="field-note" data-testid="notification-permission">
        This browser blocks Shelfwatch’s notifications. Allow them in the site’s settings (the icon left of the
        address), then reload the page.
      </p>
    );
  }
  const ask = () => {
    browser.requestPermission().then(setPermission, () => setPermission(browser.permission));
  };
  return (
    <div className="field" data-testid="notification-permission">
      <p className="muted">This browser shows notifications only once you allow them (it asks you once).</p>
      <p>
        <button type="button" className="button" onClick={ask}>
          Allow notifications in this browser
        </button>
      </p>
    </div>
  );
}
