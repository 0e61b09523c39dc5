// Whether this UI is a device following a hub (a browser paired with it, or the desktop app following it) rather than
// the hub's, or this computer's, own UI: a device may not manage devices, the postback secret, the receiver, the
// retention, the field mapping or the impact.com account, so the views leave those out.
import type { Status } from '../../../shared/contract/status.js';
import { useStatus } from './StatusContext.js';

/** The device this UI is; null for the hub's own UI. */
export function useThisDevice(): NonNullable<Status['device']> | null {
  return useStatus().state.data?.device ?? null;
}

/** True only once the status says this is the hub's own UI (so a device never sees admin sections flash by). */
export function useIsHubOwnUi(): boolean {
  const { state } = useStatus();
  return state.status === 'ready' && !state.data.device;
}
