// Native notifications for alerts. What to show is decided by AlertDigest; this file only shows it and routes clicks.
// Electron's Notification is injected (a factory), so this runs and is tested under plain Node.
import type { UiEvent } from '../../shared/contract/events.js';
import { AlertDigest, type DigestSettings, type Timers } from './alert-digest.js';
import type { DeviceSettings } from './hub/device-settings.js';
import type { NotificationText } from './notification-text.js';

/** The part of Electron's Notification used here. */
export interface NotificationLike {
  show(): void;
  on(event: 'click', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'failed', listener: () => void): unknown;
}

export interface NotificationRequest {
  title: string;
  body: string;
  silent: boolean;
}

export interface NotifierOptions {
  createNotification: (request: NotificationRequest) => NotificationLike;
  isSupported: () => boolean;
  /** a notification was clicked: show the window and open this route */
  onClick: (route: string) => void;
  settings: DeviceSettings;
  clock?: () => number;
  timers?: Timers;
}

const digestSettings = (settings: DeviceSettings): DigestSettings => ({
  enabled: settings.notifications.enabled,
  digestWindowSeconds: settings.notifications.digestWindowSeconds,
  quietHours: settings.notifications.quietHours,
  alertsPausedUntil: settings.alertsPausedUntil,
});

export class Notifier {
  /**
   * Shown notifications stay referenced until closed or clicked: a garbage-collected Notification loses its
   * click handler (the lesson of wulkano/kap's notifications.ts).
   */
  readonly live = new Set<NotificationLike>();
  private readonly digest: AlertDigest;
  private settings: DeviceSettings;

  constructor(private readonly options: NotifierOptions) {
    this.settings = options.settings;
    this.digest = new AlertDigest({
      settings: digestSettings(options.settings),
      show: (text) => this.show(text),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.timers ? { timers: options.timers } : {}),
    });
  }

  /** `catchUp`: the event is part of a backlog this device catches up on (a hub's, after sleep or an outage). */
  handleEvent(event: UiEvent, catchUp = false): void {
    if (event.type === 'alert' && catchUp) this.digest.pushCaughtUp(event.entries);
    else if (event.type === 'alert') this.digest.push(event.entries);
    // the status carries the pause, so a pause set from another place (the window) is noticed here too
    if (event.type === 'status' && event.status.alertsPausedUntil !== this.settings.alertsPausedUntil) {
      this.updateSettings({ ...this.settings, alertsPausedUntil: event.status.alertsPausedUntil });
    }
  }

  /** The backlog is delivered: its alerts become one "While you were away" notification. */
  caughtUp(): void {
    this.digest.caughtUp();
  }

  updateSettings(settings: DeviceSettings): void {
    this.settings = settings;
    this.digest.updateSettings(digestSettings(settings));
  }

  dispose(): void {
    this.digest.dispose();
  }

  private show(text: NotificationText): void {
    if (!this.options.isSupported()) return;
    const notification = this.options.createNotification({
      title: text.title,
      body: text.body,
      silent: !this.settings.notifications.sound,
    });
    this.live.add(notification);
    const release = () => this.live.delete(notification);
    notification.on('click', () => {
      release();
      this.options.onClick(text.route);
    });
    notification.on('close', release);
    notification.on('failed', release);
    notification.show();
  }
}
