// The desktop keeps the alert channels' URLs with safeStorage (the OS keychain) instead of the server face's
// encrypted file. What the server face stored in this same data folder is still read until the desktop saves its own,
// so moving from `npm run serve` to the desktop app keeps the channels sending.
import path from 'node:path';
import { type ChannelSecretStore, fileChannelSecretStore, parseSecrets } from '../engine/index.js';
import { type SafeStorageLike, secretFile } from './secret-file.js';

export const KEYCHAIN_CHANNEL_SECRETS_FILE = 'channel-secrets.safestorage';

export function safeStorageChannelSecretStore(
  dataDir: string,
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
): ChannelSecretStore {
  const encrypted = secretFile(
    path.join(dataDir, KEYCHAIN_CHANNEL_SECRETS_FILE),
    safeStorage,
    platform,
    'the alert channels’ addresses',
  );
  const serverFaces = fileChannelSecretStore(dataDir);
  return {
    load() {
      const text = encrypted.load();
      return text === null ? serverFaces.load() : parseSecrets(text);
    },
    save(secrets) {
      encrypted.save(JSON.stringify(secrets));
    },
  };
}
