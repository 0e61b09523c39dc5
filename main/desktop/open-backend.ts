// Picks what the desktop shows at start: this computer's engine (the default), or the hub chosen in Settings →
// Where postbacks arrive, followed with the device token kept by safeStorage. The pieces that need Electron
// (safeStorage) and the network (the follower) are injected, so the switch is tested under plain Node.

import type { Engine, EngineOptions, Logger } from '../engine/index.js';
import type { HubFollower, HubFollowerOptions } from '../follower/index.js';
import { type DesktopBackend, localBackend } from './backend.js';
import { safeStorageChannelSecretStore } from './channel-secrets.js';
import { loadChoice } from './hub/connection-choice.js';
import { deviceSettingsFile } from './hub/device-settings.js';
import { createHubBackend } from './hub/hub-backend.js';
import { deviceTokenFile, hubPaths, lastEventIdFile } from './hub/hub-files.js';
import { unavailableHubBackend } from './hub/unavailable-backend.js';
import { safeStorageCredentialStore } from './impact-credentials.js';
import type { SafeStorageLike } from './secret-file.js';

export interface OpenBackendDeps {
  platform: NodeJS.Platform;
  safeStorage: SafeStorageLike;
  openEngine: (options: EngineOptions) => Promise<Engine>;
  createFollower: (options: HubFollowerOptions) => Pick<HubFollower, keyof HubFollower>;
}

export async function openDesktopBackend(
  { dataDir, log }: { dataDir: string; log: Logger },
  deps: OpenBackendDeps,
): Promise<DesktopBackend> {
  const choice = loadChoice(dataDir);
  if (choice.mode === 'local') {
    const credentials = safeStorageCredentialStore(dataDir, deps.safeStorage, deps.platform, log);
    const channelSecrets = safeStorageChannelSecretStore(dataDir, deps.safeStorage, deps.platform);
    return localBackend(
      await deps.openEngine({ dataDir, log, impact: { credentials }, channels: { secrets: channelSecrets } }),
    );
  }
  const paths = hubPaths(dataDir);
  const settings = deviceSettingsFile(paths.deviceSettings);
  let token: string | null;
  try {
    token = deviceTokenFile(dataDir, deps.safeStorage, deps.platform).load();
  } catch (error) {
    log.error('hub: the device token could not be read', { error: (error as Error).message });
    return unavailableHubBackend(
      choice.hubUrl,
      `This computer's device token for the hub could not be decrypted (${(error as Error).message})`,
      settings,
    );
  }
  if (!token) {
    return unavailableHubBackend(choice.hubUrl, "This computer's device token for the hub is missing", settings);
  }
  const follower = deps.createFollower({
    hubUrl: choice.hubUrl,
    fingerprint: choice.fingerprint,
    token,
    lastEventId: lastEventIdFile(paths.lastEventId),
    log: (message) => log.info(`hub: ${message}`),
  });
  return createHubBackend({ follower, hubUrl: choice.hubUrl, settings });
}
