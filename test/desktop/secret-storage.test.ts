// Secrets the desktop keeps (a hub's device token, the impact.com credentials) are encrypted with safeStorage, and
// refused, never written in clear, when this computer cannot encrypt them.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deviceTokenFile, hubPaths } from '../../main/desktop/hub/hub-files.js';
import { ENCRYPTED_CREDENTIALS_FILE, safeStorageCredentialStore } from '../../main/desktop/impact-credentials.js';
import { fileCredentialStore } from '../../main/engine/impact-link/credentials.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { silentLog } from './fake-ipc.js';
import { FakeSafeStorage } from './fake-safe-storage.js';

const TOKEN = 'dEvIcE-tOkEn-0123456789abcdefghijklmnopqrstu';
let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('shelfwatch-secret-');
});
afterEach(() => temp.remove());

const filesIn = (dir: string): string[] =>
  fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) : [];

describe('the device token', () => {
  it('is kept encrypted and read back', () => {
    const file = deviceTokenFile(temp.dir, new FakeSafeStorage(), 'darwin');
    file.save(TOKEN);
    const stored = fs.readFileSync(hubPaths(temp.dir).token, 'utf8');
    expect(stored).not.toContain(TOKEN);
    expect(file.load()).toBe(TOKEN);
    file.clear();
    expect(file.load()).toBeNull();
  });

  it.each([
    ['no encryption at all', new FakeSafeStorage(false), 'win32' as const, /secret store .* is not available/],
    ['Linux without a keyring', new FakeSafeStorage(true, 'basic_text'), 'linux' as const, /No keyring/],
  ])('is refused with the reason, and nothing written, when %s', (_case, safeStorage, platform, reason) => {
    const file = deviceTokenFile(temp.dir, safeStorage, platform);
    expect(() => file.save(TOKEN)).toThrow(reason);
    expect(() => file.save(TOKEN)).toThrow(/does not keep it unencrypted/);
    expect(filesIn(temp.dir)).toEqual([]);
  });
});

describe('the impact.com credentials on the desktop', () => {
  const credentials = { accountSid: 'IRabc12345', authToken: 'auth-token-secret-12345' };

  it('are kept encrypted, and Disconnect forgets them', () => {
    const store = safeStorageCredentialStore(temp.dir, new FakeSafeStorage(), 'darwin', silentLog);
    store.save(credentials);
    expect(fs.readFileSync(path.join(temp.dir, ENCRYPTED_CREDENTIALS_FILE), 'utf8')).not.toContain('auth-token');
    expect(store.load()).toEqual(credentials);
    store.save(null);
    expect(store.load()).toBeNull();
  });

  it('are refused without encryption, so connecting says why', () => {
    const store = safeStorageCredentialStore(temp.dir, new FakeSafeStorage(false), 'win32', silentLog);
    expect(() => store.save(credentials)).toThrow(/cannot encrypt the impact.com Auth Token/);
    expect(filesIn(temp.dir)).toEqual([]);
  });

  it('are still found where the server face kept them in this data folder, until Disconnect', () => {
    fileCredentialStore(temp.dir).save(credentials);
    const store = safeStorageCredentialStore(temp.dir, new FakeSafeStorage(), 'darwin', silentLog);
    expect(store.load()).toEqual(credentials);
    store.save(null);
    expect(store.load()).toBeNull();
  });
});
