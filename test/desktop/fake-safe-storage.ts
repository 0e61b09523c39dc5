// A typed stand-in for Electron's safeStorage: "encrypts" reversibly (so a test can see the file holds no plain
// token), and can be told that encryption is unavailable or that Linux has no keyring.
import type { SafeStorage } from 'electron';
import type { SafeStorageLike } from '../../main/desktop/secret-file.js';

type Backend = ReturnType<SafeStorage['getSelectedStorageBackend']>;

export class FakeSafeStorage implements SafeStorageLike {
  constructor(
    public available = true,
    public backend: Backend = 'gnome_libsecret',
  ) {}

  isEncryptionAvailable(): boolean {
    return this.available;
  }
  getSelectedStorageBackend(): Backend {
    return this.backend;
  }
  encryptString(plainText: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available.');
    return Buffer.from(`sealed:${Buffer.from(plainText).toString('base64')}`);
  }
  decryptString(encrypted: Buffer): string {
    const text = encrypted.toString('utf8');
    if (!this.available || !text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext.');
    return Buffer.from(text.slice('sealed:'.length), 'base64').toString('utf8');
  }
}
