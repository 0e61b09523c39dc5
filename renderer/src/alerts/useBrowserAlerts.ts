// The browser face alerts like the desktop: the same shared notifier (digest window, quiet hours, pause, sound), its
// notifications shown as Web Notifications once this browser allowed them (NotificationPermission asks, from a
// button). A click brings the tab forward on the product. The desktop app's notifications come from its main
// process, so there this does nothing.
import { useEffect } from 'react';
import { Notifier } from '../../../shared/domain/alert-policy-notifier.js';
import { useApiClient } from '../api/ApiContext.js';
import { navigate } from '../routing/routes.js';
import { createWebNotification, webNotifications } from './webNotification.js';

export function useBrowserAlerts(): void {
  const client = useApiClient();
  useEffect(() => {
    const browser = client.desktop ? null : webNotifications(window);
    if (!browser) return;
    let notifier: Notifier | null = null;
    let loading = false;
    let stopped = false;
    // Nothing is shown before this UI's settings are known (notifications may be off); a failed load is tried again
    // with the next status event.
    const load = () => {
      if (notifier || loading) return;
      loading = true;
      client.api.getSettings(undefined).then(
        (settings) => {
          loading = false;
          if (stopped) return;
          notifier = new Notifier({
            createNotification: (request) => createWebNotification(browser, request),
            isSupported: () => browser.permission === 'granted',
            onClick: (route) => {
              window.focus();
              navigate(route);
            },
            settings,
          });
        },
        () => {
          loading = false;
        },
      );
    };
    load();
    const stops = [
      client.subscribe((event) => {
        if (event.type === 'status') load();
        notifier?.handleEvent(event);
      }),
      client.onSettingsSaved?.((settings) => notifier?.updateSettings(settings)),
    ];
    return () => {
      stopped = true;
      for (const stop of stops) stop?.();
      notifier?.dispose();
    };
  }, [client]);
}
