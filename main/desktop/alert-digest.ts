// Decides which notifications a stream of alerts becomes. Pure (no electron): time and timers are injected.
// - a burst within digestWindowSeconds becomes one digest; a lone product becomes one notification about it
// - quiet hours and a pause record silently, then one summary shows when they end
// - notifications disabled: nothing
import type { FeedEntry } from '../../shared/contract/feed.js';
import type { QuietHours } from '../../shared/contract/settings.js';
import { digestText, type NotificationText, singleText } from './notification-text.js';
import { activePauseEnd } from './pause-times.js';
import { isQuietTime, quietHoursEnd } from './quiet-hours.js';

export interface DigestSettings {
  enabled: boolean;
  digestWindowSeconds: number;
  quietHours: QuietHours | null;
  alertsPausedUntil: string | null;
}

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface AlertDigestOptions {
  settings: DigestSettings;
  show: (text: NotificationText) => void;
  clock?: () => number;
  timers?: Timers;
}

/** Re-check at least this often while holding, so a settings change nobody announced is still noticed. */
const MAX_HOLD_CHECK_MS = 15 * 60 * 1000;
const MAX_MESSAGES_PER_PRODUCT = 10;
export const HELD_PREFIX = 'While alerts were off: ';
export const AWAY_PREFIX = 'While you were away: ';

/** Alerting products, newest entry and distinct messages per key; memory is bounded by the number of products. */
class ProductBatch {
  private readonly byKey = new Map<string, { latest: FeedEntry; messages: Set<string> }>();

  get size(): number {
    return this.byKey.size;
  }

  add(entry: FeedEntry): void {
    const known = this.byKey.get(entry.key);
    const messages = known?.messages ?? new Set<string>();
    for (const alert of entry.alerts) if (messages.size < MAX_MESSAGES_PER_PRODUCT) messages.add(alert.message);
    this.byKey.delete(entry.key); // re-insert so iteration order is "most recently changed last"
    this.byKey.set(entry.key, { latest: entry, messages });
  }

  moveInto(other: ProductBatch): void {
    for (const { latest, messages } of this.byKey.values()) {
      other.add(latest);
      const merged = other.byKey.get(latest.key);
      for (const message of messages)
        if (merged && merged.messages.size < MAX_MESSAGES_PER_PRODUCT) merged.messages.add(message);
    }
    this.byKey.clear();
  }

  text(prefix: string): NotificationText | null {
    const products = [...this.byKey.values()];
    const [only] = products;
    if (!only) return null;
    if (products.length === 1) return singleText(only.latest, only.messages, prefix);
    return digestText(
      products.map((product) => product.latest),
      prefix,
    );
  }

  clear(): void {
    this.byKey.clear();
  }
}

export class AlertDigest {
  private settings: DigestSettings;
  private readonly show: (text: NotificationText) => void;
  private readonly clock: () => number;
  private readonly timers: Timers;
  private readonly pending = new ProductBatch();
  private readonly held = new ProductBatch();
  /** alerts a device caught up on after sleep or an outage: shown as one notification once it is live again */
  private readonly away = new ProductBatch();
  private windowTimer: unknown = null;
  private holdTimer: unknown = null;

  constructor(options: AlertDigestOptions) {
    this.settings = options.settings;
    this.show = options.show;
    this.clock = options.clock ?? Date.now;
    this.timers = options.timers ?? realTimers;
  }

  /** Feed entries from an `alert` event; entries without alerts are ignored. */
  push(entries: readonly FeedEntry[]): void {
    if (!this.settings.enabled) return;
    const alerting = entries.filter((entry) => entry.alerts.length > 0);
    if (alerting.length === 0) return;
    if (this.isSuppressed()) {
      for (const entry of alerting) this.held.add(entry);
      this.scheduleHoldCheck();
      return;
    }
    for (const entry of alerting) this.pending.add(entry);
    const windowMs = Math.max(0, this.settings.digestWindowSeconds) * 1000;
    if (windowMs === 0) this.flushPending();
    // A fixed window from the first alert (not a sliding debounce): a steady trickle still gets shown.
    else this.windowTimer ??= this.timers.set(() => this.flushPending(), windowMs);
  }

  /** Alerts received while catching up on what happened while this device was away (a hub's backlog). */
  pushCaughtUp(entries: readonly FeedEntry[]): void {
    if (!this.settings.enabled) return;
    for (const entry of entries) if (entry.alerts.length > 0) this.away.add(entry);
  }

  /** The backlog is delivered: one notification for all of it (held instead while alerts are off). */
  caughtUp(): void {
    if (this.away.size === 0) return;
    if (this.isSuppressed()) {
      this.away.moveInto(this.held);
      this.scheduleHoldCheck();
      return;
    }
    const text = this.away.text(AWAY_PREFIX);
    this.away.clear();
    if (text) this.show(text);
  }

  /** New settings (from the store, a pause from the tray, …): may end a hold or drop everything when disabled. */
  updateSettings(settings: DigestSettings): void {
    this.settings = settings;
    if (!settings.enabled) {
      this.pending.clear();
      this.held.clear();
      this.away.clear();
      this.clearTimers();
      return;
    }
    this.checkHold();
  }

  dispose(): void {
    this.clearTimers();
  }

  private flushPending(): void {
    this.clearTimer('windowTimer');
    if (this.isSuppressed()) {
      this.pending.moveInto(this.held);
      this.scheduleHoldCheck();
      return;
    }
    const text = this.pending.text('');
    this.pending.clear();
    if (text) this.show(text);
  }

  private checkHold(): void {
    this.clearTimer('holdTimer');
    if (this.held.size === 0) return;
    if (this.isSuppressed()) {
      this.scheduleHoldCheck();
      return;
    }
    const text = this.held.text(HELD_PREFIX);
    this.held.clear();
    if (text) this.show(text);
  }

  private scheduleHoldCheck(): void {
    this.clearTimer('holdTimer');
    const now = this.clock();
    const ends = [
      activePauseEnd(this.settings.alertsPausedUntil, now),
      quietHoursEnd(new Date(now), this.settings.quietHours)?.getTime() ?? null,
    ].filter((end): end is number => end !== null);
    const until = Math.max(now, ...ends);
    this.holdTimer = this.timers.set(() => this.checkHold(), Math.min(until - now, MAX_HOLD_CHECK_MS));
  }

  private isSuppressed(): boolean {
    const now = this.clock();
    return (
      activePauseEnd(this.settings.alertsPausedUntil, now) !== null ||
      isQuietTime(new Date(now), this.settings.quietHours)
    );
  }

  private clearTimer(name: 'windowTimer' | 'holdTimer'): void {
    if (this[name] !== null) this.timers.clear(this[name]);
    this[name] = null;
  }

  private clearTimers(): void {
    this.clearTimer('windowTimer');
    this.clearTimer('holdTimer');
  }
}
