// The desktop keeps the impact.com Account SID and Auth Token with safeStorage instead of the server face's 0600 file.
// Credentials the server face stored in this same data folder are still read (and forgotten on Disconnect), so
// moving from `npm run serve` to the desktop app keeps the account connected.
import path from 'node:path';
import { type CredentialStore, fileCredentialStore, type ImpactCredentials, type Logger } from '../engine/index.js';
import { type SafeStorageLike, secretFile } from './secret-file.js';

export const ENCRYPTED_CREDENTIALS_FILE = 'impact-account.enc';

export function safeStorageCredentialStore(
  dataDir: string,
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
  log: Logger,
): CredentialStore {
  const encrypted = secretFile(
    path.join(dataDir, ENCRYPTED_CREDENTIALS_FILE),
    safeStorage,
    platform,
    'the impact.com Auth Token',
  );
  const serverFaces = fileCredentialStore(dataDir);
  return {
    load(): ImpactCredentials | null {
      try {
        const text = encrypted.load();
        if (text === null) return serverFaces.load();
        const value = JSON.parse(text) as Partial<ImpactCredentials>;
        return typeof value.accountSid === 'string' && typeof value.authToken === 'string'
          ? { accountSid: value.accountSid, authToken: value.authToken }
          : null;
      } catch (error) {
        // the engine opens without the account; connecting again in Settings stores it anew
        log.warn('impact.com credentials could not be read', { error: (error as Error).message });
        return null;
      }
    },
    save(credentials: ImpactCredentials | null): void {
      if (!credentials) {
        encrypted.clear();
        serverFaces.save(null);
        return;
      }
      encrypted.save(JSON.stringify(credentials));
    },
  };
}
