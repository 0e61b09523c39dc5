// Settings → Where postbacks arrive: follow a hub (pair with its link, keep the token with safeStorage) or go back
// to this computer. Either saves the choice and restarts the app into it: one backend per run, never swapped live.
import type { DesktopConnection, FollowHubRequest, SwitchAnswer } from '../../../shared/contract/desktop-connection.js';
import { ApiError } from '../../../shared/contract/errors.js';
import { DEFAULT_SETTINGS } from '../../../shared/contract/settings.js';
import { type DeviceSettings, pickDeviceSettings } from '../../../shared/domain/device-settings.js';
import { type Logger, PairingLinkError } from '../../engine/index.js';
import { type HubPairing, HubRefusedError } from '../../follower/index.js';
import type { ConnectionHandlers } from '../ipc.js';
import { encryptionProblem, type SafeStorageLike } from '../secret-file.js';
import { loadChoice, saveChoice } from './connection-choice.js';
import { deviceSettingsFile } from './device-settings.js';
import { deviceTokenFile, hubPaths, lastEventIdFile } from './hub-files.js';

export interface ConnectionActionsOptions {
  dataDir: string;
  platform: NodeJS.Platform;
  safeStorage: SafeStorageLike;
  pair: (link: string, deviceName: string) => Promise<HubPairing>;
  /** app.relaunch() and quit, a moment after the answer reached the window */
  scheduleRestart: () => void;
  /** e.g. the computer's host name */
  suggestedDeviceName: string;
  /** this computer's notification settings now: a first pairing starts from them */
  currentDeviceSettings: () => Promise<DeviceSettings>;
  log: Logger;
}

const TOKEN = "a hub's device token";

export function createConnectionActions(options: ConnectionActionsOptions): ConnectionHandlers {
  const { dataDir, platform, safeStorage, log } = options;
  const paths = hubPaths(dataDir);
  const tokenFile = deviceTokenFile(dataDir, safeStorage, platform);
  const forgetHub = () => {
    tokenFile.clear();
    lastEventIdFile(paths.lastEventId).clear();
  };

  return {
    async get(): Promise<DesktopConnection> {
      const choice = loadChoice(dataDir);
      return {
        mode: choice.mode,
        hub: choice.mode === 'hub' ? { url: choice.hubUrl, deviceName: choice.deviceName } : null,
        tokenStorageProblem: encryptionProblem(safeStorage, platform, TOKEN),
        suggestedDeviceName: options.suggestedDeviceName,
      };
    },

    async followHub({ link, deviceName }: FollowHubRequest): Promise<SwitchAnswer> {
      // Checked before pairing: the one-time code stays unused for a computer that can keep the token.
      const problem = encryptionProblem(safeStorage, platform, TOKEN);
      if (problem) throw new ApiError(409, problem);
      const name = deviceName || options.suggestedDeviceName;
      const pairing = await options.pair(link, name).catch((error: unknown) => {
        throw pairingError(error);
      });
      forgetHub(); // a new pairing is a new device on the hub: its stream starts from now
      tokenFile.save(pairing.token);
      const settings = deviceSettingsFile(paths.deviceSettings);
      if (!settings.exists()) {
        settings.save(await options.currentDeviceSettings().catch(() => pickDeviceSettings(DEFAULT_SETTINGS)));
      }
      const { hubUrl, fingerprint, deviceId } = pairing;
      saveChoice(dataDir, { mode: 'hub', hubUrl, fingerprint, deviceId, deviceName: name });
      log.info('desktop: paired with a hub; restarting to follow it', { hub: hubUrl, device: deviceId });
      options.scheduleRestart();
      return { restarting: true };
    },

    async useThisComputer(): Promise<SwitchAnswer> {
      if (loadChoice(dataDir).mode === 'local') return { restarting: false };
      saveChoice(dataDir, { mode: 'local' });
      forgetHub();
      log.info('desktop: back to this computer; restarting');
      options.scheduleRestart();
      return { restarting: true };
    },
  };
}

/** What the window shows when pairing failed: the follower's sentences are written for the user. */
function pairingError(error: unknown): unknown {
  if (error instanceof PairingLinkError) return new ApiError(400, error.message);
  if (error instanceof HubRefusedError) return new ApiError(409, error.message);
  if (error instanceof Error && error.constructor === Error) return new ApiError(502, error.message);
  return error;
}
