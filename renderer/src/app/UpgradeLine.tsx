// While a data folder of the previous version is upgraded (it can take minutes at 100,000 products), how far it got.
import type { Status } from '../../../shared/contract/status.js';

export function UpgradeLine({ upgrade }: { upgrade: Status['upgrade'] }) {
  if (!upgrade) return null;
  return (
    <div className="banner info upgrade-line" role="status" data-testid="upgrade-line">
      <span>
        Upgrading your data: {upgrade.done.toLocaleString()} of {upgrade.total.toLocaleString()}… New postbacks are kept
        safely and shown once it is done.
      </span>
      <progress max={upgrade.total} value={upgrade.done} aria-label="Upgrade progress" />
    </div>
  );
}
