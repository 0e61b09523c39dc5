// A typed stand-in for Electron's Notification: records show() and lets a test emit 'click' / 'close'.
import type { Notification } from 'electron';
import type { NotificationLike, NotificationRequest } from '../../shared/domain/alert-policy-notifier.js';

type NotificationEvent = 'click' | 'close' | 'failed';

export class FakeNotification implements NotificationLike, Pick<Notification, 'show'> {
  static created: FakeNotification[] = [];
  shown = false;
  private readonly listeners = new Map<NotificationEvent, Array<() => void>>();

  constructor(readonly request: NotificationRequest) {
    FakeNotification.created.push(this);
  }

  show(): void {
    this.shown = true;
  }

  on(event: NotificationEvent, listener: () => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  emit(event: NotificationEvent): void {
    for (const listener of this.listeners.get(event) ?? []) listener();
  }
}
