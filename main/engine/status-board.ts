// Builds the status and setup the UI shows, and sends at most a few status events a second during a burst.
import type { ReconcileStatus } from '../../shared/contract/impact.js';
import type { PageScanStatus } from '../../shared/contract/pages.js';
import type { Settings } from '../../shared/contract/settings.js';
import type { SettingOverride, Setup } from '../../shared/contract/setup.js';
import type { Notice, Status } from '../../shared/contract/status.js';
import { SUCCESS_RESPONSE } from './receiver/app.js';
import { LOCAL_DEVICE } from './store/db/read-state.js';
import type { Store } from './store/store.js';
import { withoutPath } from './system-error.js';
import { getUrlTemplate, jsonPostTemplate } from './templates.js';
import type { UpgradeProgress } from './upgrade/upgrade-store.js';

const STATUS_EVENT_INTERVAL_MS = 250;

export class StatusBoard {
  private fault: string | null = null;
  private storeFault: string | null = null;
  private applyFault: string | null = null;
  private backupFault: string | null = null;
  private upgrade: UpgradeProgress | null = null;
  private remote: { url: string; fingerprint: string | null } | null = null;
  private reconcile: ReconcileStatus | null = null;
  private receiver: () => { url: string; port: number } = () => ({ url: '', port: 0 });
  private pageScan: (() => PageScanStatus) | null = null;
  private urlChange: () => Status['postbackUrlChanged'] = () => null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: Store,
    private readonly notices: Notice[],
    private readonly publish: () => void,
  ) {}

  setReceiver(receiver: () => { url: string; port: number }): void {
    this.receiver = receiver;
  }

  /** Whether the postback URL changed unacknowledged (both secrets files were lost): see EngineSecrets. */
  setUrlChange(urlChange: () => Status['postbackUrlChanged']): void {
    this.urlChange = urlChange;
  }

  setFault(error: Error | null): void {
    const next = error
      ? `Cannot write to the data folder (${withoutPath(error)}). Postbacks are refused with 503 until this is fixed; impact.com retries them.`
      : null;
    if (next === this.fault) return;
    this.fault = next;
    this.changed();
  }

  /** The store could not be saved: postbacks are still safe (journal), but the user should know. */
  setStoreFault(error: Error | null): void {
    const next = error
      ? `Cannot save the product store (${withoutPath(error)}). Postbacks are still recorded safely in the journal; saving is retried.`
      : null;
    if (next === this.storeFault) return;
    this.storeFault = next;
    this.changed();
  }

  /** The database cannot take new changes: postbacks are kept in the journal and applied once it can. */
  setApplyFault(error: Error | null): void {
    const next = error
      ? `Cannot write the product database (${withoutPath(error)}). Postbacks are still recorded safely in the journal and are applied once writing works again.`
      : null;
    if (next === this.applyFault) return;
    this.applyFault = next;
    this.changed();
  }

  /** The last backup could not be made (its own words, see backup/backups.ts); null once one is made again. */
  setBackupFault(message: string | null): void {
    if (message === this.backupFault) return;
    this.backupFault = message;
    this.changed();
  }

  setReconcile(status: ReconcileStatus | null): void {
    this.reconcile = status;
    this.changed();
  }

  setPageScan(pageScan: () => PageScanStatus): void {
    this.pageScan = pageScan;
  }

  setRemote(remote: { url: string; fingerprint: string | null } | null): void {
    this.remote = remote;
    this.changed();
  }

  setUpgrade(progress: UpgradeProgress | null): void {
    this.upgrade = progress && { ...progress };
    this.changed();
  }

  /** Something in the status changed: publish soon (coalesced). */
  changed(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.publish();
    }, STATUS_EVENT_INTERVAL_MS);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The status as one device sees it (the unread count is per device). */
  status(device: string): Status {
    const { stats, appliedSeq, settings } = this.store;
    const { url, port } = this.receiver();
    return {
      receiver: { url, port, ...stats, fault: this.fault },
      journal: { appliedSeq },
      unread: this.store.readState.unread(device),
      alertsPausedUntil: settings.alertsPausedUntil,
      upgrade: this.upgrade,
      remote: this.remote,
      device: this.deviceOf(device),
      reconcile: this.reconcile,
      ...(this.pageScan ? { pageScan: this.pageScan() } : {}),
      postbackUrlChanged: device === LOCAL_DEVICE ? this.urlChange() : null,
      notices: [
        ...this.notices,
        ...faultNotice('storage-fault', this.storeFault),
        ...faultNotice('apply-fault', this.applyFault),
        ...faultNotice('backup-fault', this.backupFault),
      ],
    };
  }

  /** null for this computer's own UI: the UI then shows what only the hub may do (devices, the secret, …). */
  private deviceOf(device: string): Status['device'] {
    if (device === LOCAL_DEVICE) return null;
    const stored = this.store.docs.devices.find((candidate) => candidate.id === device);
    return { id: device, name: stored?.name ?? 'This device' };
  }

  /** `headerValue`: the receiver's header secret, from the secrets file (the settings keep none). */
  setup(receiver: Settings['receiver'], headerValue: string, overrides: SettingOverride[]): Setup {
    const { url, port } = this.receiver();
    return {
      postbackUrl: url,
      receiverHost: receiver.host,
      receiverPort: port,
      headerName: receiver.headerName,
      headerValue,
      templates: { jsonPost: jsonPostTemplate(), getUrl: getUrlTemplate(url) },
      overrides,
      successResponse: SUCCESS_RESPONSE,
    };
  }
}

function faultNotice(code: Notice['code'], message: string | null): Notice[] {
  return message === null ? [] : [{ code, message }];
}
