// Builds the status and setup the UI shows, and sends at most a few status events a second during a burst.
import type { Setup, Status } from '../../shared/api.js';
import type { Settings } from '../../shared/model.js';
import type { StoreView } from './store/view.js';
import { withoutPath } from './system-error.js';
import { getUrlTemplate, jsonPostTemplate } from './templates.js';

const STATUS_EVENT_INTERVAL_MS = 250;

export class StatusBoard {
  private fault: string | null = null;
  private storeFault: string | null = null;
  private receiver: () => { url: string; port: number } = () => ({ url: '', port: 0 });
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly view: StoreView,
    private readonly notices: string[],
    private readonly publish: (status: Status) => void,
  ) {}

  setReceiver(receiver: () => { url: string; port: number }): void {
    this.receiver = receiver;
  }

  setFault(error: Error | null): void {
    const next = error
      ? `Cannot write to the data folder (${withoutPath(error)}). Postbacks are refused with 503 until this is fixed; impact.com retries them.`
      : null;
    if (next === this.fault) return;
    this.fault = next;
    this.changed();
  }

  /** The store file could not be saved: postbacks are still safe (journal), but the user should know. */
  setStoreFault(error: Error | null): void {
    const next = error
      ? `Cannot save the product store (${withoutPath(error)}). Postbacks are still recorded safely in the journal; saving is retried.`
      : null;
    if (next === this.storeFault) return;
    this.storeFault = next;
    this.changed();
  }

  /** Something in the status changed: publish soon (coalesced). */
  changed(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.publish(this.status());
    }, STATUS_EVENT_INTERVAL_MS);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  status(): Status {
    const { stats, appliedSeq, settings } = this.view.data;
    const { url, port } = this.receiver();
    return {
      receiver: { url, port, ...stats, fault: this.fault },
      journal: { appliedSeq },
      unread: this.view.unread,
      alertsPausedUntil: settings.alertsPausedUntil,
      notices: this.storeFault ? [...this.notices, this.storeFault] : this.notices,
    };
  }

  setup(receiver: Settings['receiver']): Setup {
    const { url, port } = this.receiver();
    return {
      postbackUrl: url,
      receiverHost: receiver.host,
      receiverPort: port,
      headerName: receiver.headerName,
      headerValue: receiver.headerValue,
      templates: { jsonPost: jsonPostTemplate(), getUrl: getUrlTemplate(url) },
      overrides: [],
    };
  }
}
