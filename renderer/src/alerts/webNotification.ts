// The browser's Web Notifications, shaped like the notification the shared notifier shows (Electron's, on the
// desktop). The browser shows one as it is constructed; permission is asked only from a button (askPermission).
import type { NotificationLike, NotificationRequest } from '../../../shared/domain/alert-policy-notifier.js';

/** The part of the browser's Notification used here (window.Notification, or a test's stand-in). */
export interface WebNotifications {
  readonly permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  new (title: string, options?: NotificationOptions): Pick<Notification, 'close' | 'onclick' | 'onclose' | 'onerror'>;
}

type NotificationEvent = 'click' | 'close' | 'failed';

/** This browser's notifications, or null where it has none (an old browser, an insecure page on some). */
export function webNotifications(win: Window): WebNotifications | null {
  return 'Notification' in win ? (win.Notification as unknown as WebNotifications) : null;
}

export function createWebNotification(api: WebNotifications, request: NotificationRequest): NotificationLike {
  const listeners = new Map<NotificationEvent, Array<() => void>>();
  const fire = (event: NotificationEvent) => {
    for (const listener of listeners.get(event) ?? []) listener();
  };
  const like: NotificationLike = {
    show() {
      try {
        // The same text from two open tabs is one notification: a tag replaces, it does not add.
        const tag = `shelfwatch:${request.title}:${request.body}`;
        const shown = new api(request.title, { body: request.body, silent: request.silent, tag });
        shown.onclick = () => {
          shown.close();
          fire('click');
        };
        shown.onclose = () => fire('close');
        shown.onerror = () => fire('failed');
      } catch {
        fire('failed'); // e.g. Chrome on Android allows them only from a service worker
      }
    },
    on(event: NotificationEvent, listener: () => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return like;
    },
  };
  return like;
}
