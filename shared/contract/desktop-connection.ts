// Where the desktop app's postbacks arrive (issue 11): on this computer (its own receiver), or at a Shelfwatch hub
// it follows. The desktop face's own IPC channels, beside the UI API: the renderer of a browser never sees them.
import { z } from 'zod';

export const followHubSchema = z.strictObject({
  link: z
    .string()
    .trim()
    .min(1, { error: 'is missing: paste the pairing link from the hub’s Settings → Devices' })
    .max(4_096),
  /** how the hub lists this computer */
  deviceName: z.string().trim().max(80, { error: 'must be at most 80 characters' }),
});

export type FollowHubRequest = z.infer<typeof followHubSchema>;

export interface DesktopConnection {
  mode: 'local' | 'hub';
  /** the hub this computer follows; null on this computer */
  hub: { url: string; deviceName: string } | null;
  /** why this computer cannot keep a hub's device token safely (no OS keychain); null: it can */
  tokenStorageProblem: string | null;
  /** a name for this computer on the hub's device list, e.g. "Ada's laptop" */
  suggestedDeviceName: string;
}

/** Switching saves the choice, then the app restarts into it (false: it already was the choice). */
export interface SwitchAnswer {
  restarting: boolean;
}
