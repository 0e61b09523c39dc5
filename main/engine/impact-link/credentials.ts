// Where the impact.com Account SID and Auth Token are kept: never in the journal, the store, a log or an API answer.
// The server face keeps them in a file only its user can read (0600) in the data folder; the desktop face passes a
// store backed by Electron's safeStorage (the OS keychain).
import fs from 'node:fs';
import path from 'node:path';
import { replaceFileSync } from '../file-system.js';

export interface ImpactCredentials {
  accountSid: string;
  authToken: string;
}

export interface CredentialStore {
  load(): ImpactCredentials | null;
  /** null: forget them (Disconnect) */
  save(credentials: ImpactCredentials | null): void;
}

export const CREDENTIALS_FILE = 'impact-account.json';

export function fileCredentialStore(dataDir: string): CredentialStore {
  const file = path.join(dataDir, CREDENTIALS_FILE);
  return {
    load() {
      try {
        const value = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<ImpactCredentials>;
        return typeof value.accountSid === 'string' && typeof value.authToken === 'string'
          ? { accountSid: value.accountSid, authToken: value.authToken }
          : null;
      } catch {
        return null;
      }
    },
    save(credentials) {
      if (!credentials) {
        fs.rmSync(file, { force: true });
        return;
      }
      replaceFileSync(file, JSON.stringify(credentials));
    },
  };
}
