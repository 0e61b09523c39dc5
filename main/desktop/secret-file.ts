// A secret kept encrypted with Electron's safeStorage (the OS keychain: macOS Keychain, Windows' DPAPI, a Linux
// keyring) in a file in the user-data folder. Without encryption it is refused, never written in clear: a device
// token or an impact.com Auth Token in a plain file is readable by anything that can read the user's files.
// (The synchronous calls: the engine's CredentialStore is synchronous.)
import fs from 'node:fs';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import { ApiError } from '../../shared/contract/errors.js';

export type SafeStorageLike = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

export interface SecretFile {
  /** null when nothing is stored; throws when what is stored cannot be decrypted here */
  load(): string | null;
  /** throws ApiError 409 saying why when this computer cannot encrypt it */
  save(secret: string): void;
  clear(): void;
}

/** Why `what` cannot be kept safely on this computer, or null when it can. */
export function encryptionProblem(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
  what: string,
): string | null {
  if (!safeStorage.isEncryptionAvailable()) {
    return `This computer's secret store (Keychain, Windows data protection or a Linux keyring) is not available, so Shelfwatch cannot encrypt ${what}, and it does not keep it unencrypted.`;
  }
  // Linux without a keyring: Electron "encrypts" with a hard-coded password, which protects nothing.
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return `No keyring (such as GNOME Keyring or KWallet) is running, so Shelfwatch cannot encrypt ${what}, and it does not keep it unencrypted. Start one and try again.`;
  }
  return null;
}

export function secretFile(file: string, safeStorage: SafeStorageLike, platform: NodeJS.Platform, what: string) {
  return {
    load(): string | null {
      let encrypted: Buffer;
      try {
        encrypted = fs.readFileSync(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      const problem = encryptionProblem(safeStorage, platform, what);
      if (problem) throw new ApiError(409, problem);
      return safeStorage.decryptString(encrypted);
    },
    save(secret: string): void {
      const problem = encryptionProblem(safeStorage, platform, what);
      if (problem) throw new ApiError(409, problem);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const temp = `${file}.tmp`;
      fs.writeFileSync(temp, safeStorage.encryptString(secret), { mode: 0o600 });
      fs.renameSync(temp, file);
    },
    clear(): void {
      fs.rmSync(file, { force: true });
    },
  } satisfies SecretFile;
}
