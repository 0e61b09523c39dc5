// The tray: unread count (macOS: the title next to the icon; elsewhere the tooltip and a badged icon), a followed
// hub that cannot be reached, a postback URL that changed (impact.com must be updated), and the menu: Open, Pause alerts ▸, Copy postback URL, Quit. Electron's Tray and Menu
// are injected.
import type { UiApi } from '../../shared/contract/api.js';
import type { HubConnection } from '../../shared/contract/status.js';
import type { Timers } from '../../shared/domain/alert-policy.js';
import { realTimers } from '../../shared/domain/alert-policy.js';
import { activePauseEnd, type PauseChoice, pauseEndsAt } from '../../shared/domain/alert-policy-pause.js';
import { connectionText } from '../../shared/domain/connection-text.js';
import type { Logger } from '../engine/index.js';
import type { TrayIcons } from './tray-icons.js';

export interface TrayLike<Image, Menu> {
  setTitle(title: string): void;
  setToolTip(toolTip: string): void;
  setImage(image: Image): void;
  setContextMenu(menu: Menu | null): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

/** A subset of Electron's MenuItemConstructorOptions (so Menu.buildFromTemplate accepts it). */
export interface TrayMenuItem {
  label?: string;
  type?: 'normal' | 'separator' | 'submenu';
  enabled?: boolean;
  click?: () => void;
  submenu?: TrayMenuItem[];
}

export interface TrayOptions<Image, Menu> {
  tray: TrayLike<Image, Menu>;
  buildMenu: (items: TrayMenuItem[]) => Menu;
  icons: TrayIcons<Image>;
  platform: NodeJS.Platform;
  api: Pick<UiApi, 'updateSettings' | 'setup'>;
  copyText: (text: string) => void;
  open: () => void;
  /** shows the window on Setup (where the new postback URL is) */
  openSetup: () => void;
  quit: () => void;
  log: Logger;
  clock?: () => number;
  timers?: Timers;
}

const URL_CHANGED = 'Postback URL changed: update impact.com';

const hhmm = (ms: number) => {
  const at = new Date(ms);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
};

export class TrayController<Image, Menu> {
  private unread = 0;
  private pausedUntil: string | null = null;
  /** "Hub unreachable since 10:32 — retrying"; null on this computer or while the hub is live */
  private hubText: string | null = null;
  /** the postback URL changed and impact.com was not updated yet (status.postbackUrlChanged) */
  private urlChanged = false;
  private expiryTimer: unknown = null;
  private readonly clock: () => number;
  private readonly timers: Timers;

  constructor(private readonly options: TrayOptions<Image, Menu>) {
    this.clock = options.clock ?? Date.now;
    this.timers = options.timers ?? realTimers;
    // Windows and Linux users expect a click on the icon to open the app; macOS shows the menu instead
    if (options.platform !== 'darwin') options.tray.on('click', () => options.open());
    this.render();
  }

  setUnread(count: number): void {
    if (count === this.unread) return;
    this.unread = Math.max(0, count);
    this.render();
  }

  setPausedUntil(alertsPausedUntil: string | null): void {
    if (alertsPausedUntil === this.pausedUntil) return;
    this.pausedUntil = alertsPausedUntil;
    this.render();
  }

  setHubConnection(connection: HubConnection | null): void {
    const text = connection && connectionText(connection, { subject: 'hub', time: (iso) => hhmm(Date.parse(iso)) });
    if (text === this.hubText) return;
    this.hubText = text;
    this.render();
  }

  setUrlChanged(changed: boolean): void {
    if (changed === this.urlChanged) return;
    this.urlChanged = changed;
    this.render();
  }

  destroy(): void {
    this.clearExpiry();
    this.options.tray.destroy();
  }

  private render(): void {
    const { tray, icons, platform } = this.options;
    const pauseEnd = activePauseEnd(this.pausedUntil, this.clock());
    const count = this.unread > 999 ? '999+' : String(this.unread);
    if (platform === 'darwin') tray.setTitle(this.unread > 0 ? count : '');
    tray.setImage(this.unread > 0 ? icons.unread : icons.normal);
    const paused = pauseEnd ? ` (alerts paused until ${hhmm(pauseEnd)})` : '';
    const urlChanged = this.urlChanged ? `${URL_CHANGED} · ` : '';
    tray.setToolTip(`Shelfwatch — ${urlChanged}${count} unread${paused}${this.hubText ? ` · ${this.hubText}` : ''}`);
    tray.setContextMenu(this.options.buildMenu(this.menu(pauseEnd)));
    // menus are static: redraw when the pause runs out so "Resume" and the label do not go stale
    this.clearExpiry();
    if (pauseEnd)
      this.expiryTimer = this.timers.set(() => this.render(), Math.min(pauseEnd - this.clock(), 2 ** 31 - 1));
  }

  private menu(pauseEnd: number | null): TrayMenuItem[] {
    const { open, quit } = this.options;
    const pause = (choice: PauseChoice) => () => this.pause(pauseEndsAt(choice, new Date(this.clock())));
    const pauseItems: TrayMenuItem[] = [
      ...(pauseEnd ? [{ label: `Paused until ${hhmm(pauseEnd)}`, enabled: false }] : []),
      { label: 'For 1 hour', click: pause('one-hour') },
      { label: 'Until tomorrow 8:00', click: pause('until-tomorrow-morning') },
      { type: 'separator' },
      { label: 'Resume alerts', enabled: pauseEnd !== null, click: () => this.pause(null) },
    ];
    return [
      ...(this.urlChanged
        ? [{ label: `${URL_CHANGED}…`, click: this.options.openSetup }, { type: 'separator' as const }]
        : []),
      ...(this.hubText ? [{ label: this.hubText, enabled: false }, { type: 'separator' as const }] : []),
      { label: 'Open Shelfwatch', click: open },
      { label: pauseEnd ? 'Alerts paused' : 'Pause alerts', type: 'submenu', submenu: pauseItems },
      { label: 'Copy postback URL', click: () => this.copyPostbackUrl() },
      { type: 'separator' },
      { label: 'Quit Shelfwatch', click: quit },
    ];
  }

  private pause(until: string | null): void {
    const previous = this.pausedUntil;
    this.setPausedUntil(until); // show it at once; the settings update confirms it
    this.options.api.updateSettings({ alertsPausedUntil: until }).catch((error: unknown) => {
      this.options.log.error('tray: could not change the alert pause', { error: String(error) });
      this.setPausedUntil(previous);
    });
  }

  private copyPostbackUrl(): void {
    // asked at click time: the secret (and so the URL) can be regenerated while the app runs
    this.options.api
      .setup(undefined)
      .then((setup) => this.options.copyText(setup.postbackUrl))
      .catch((error: unknown) =>
        this.options.log.error('tray: could not read the postback URL', { error: String(error) }),
      );
  }

  private clearExpiry(): void {
    if (this.expiryTimer !== null) this.timers.clear(this.expiryTimer);
    this.expiryTimer = null;
  }
}
