// Where channel URLs (and webhook signing secrets) are kept: never in the journal, the database, the documents, a log
// or an answer. The server face keeps them encrypted (AES-256-GCM) in channel-secrets.enc, with the key in its own
// file; both are readable by this user only (0600). The desktop face passes a store backed by Electron's safeStorage.
// A copy of the data folder without the key file carries no usable channel credential, and no file holds one in clear.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { replaceFileSync } from '../file-system.js';
import type { ChannelSecret } from './deliver/deliver.js';

export type ChannelSecretMap = Record<string, ChannelSecret>;

export interface ChannelSecretStore {
  /** every channel's secret by channel id (empty when none is stored); throws when what is stored cannot be read */
  load(): ChannelSecretMap;
  /** replaces what is stored, durably, before it returns; throws (an ApiError saying why) when it cannot */
  save(secrets: ChannelSecretMap): void;
}

export const CHANNEL_SECRETS_FILE = 'channel-secrets.enc';
export const CHANNEL_KEY_FILE = 'channel-secrets.key';

export function fileChannelSecretStore(dataDir: string): ChannelSecretStore {
  const file = path.join(dataDir, CHANNEL_SECRETS_FILE);
  const keyFile = path.join(dataDir, CHANNEL_KEY_FILE);
  const key = (create: boolean): Buffer | null => {
    try {
      return fs.readFileSync(keyFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !create) throw error;
      const fresh = randomBytes(32);
      replaceFileSync(keyFile, fresh);
      return fresh;
    }
  };
  return {
    load() {
      if (!fs.existsSync(file)) return {};
      return parseSecrets(decrypt(fs.readFileSync(file, 'utf8'), key(false) as Buffer));
    },
    save(secrets) {
      replaceFileSync(file, encrypt(JSON.stringify(secrets), key(true) as Buffer));
    },
  };
}

/** Checks the shape of what a store read back: anything else is refused rather than half-used. */
export function parseSecrets(text: string): ChannelSecretMap {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null) throw new Error('the channel secrets file holds no object');
  const secrets: ChannelSecretMap = {};
  for (const [id, secret] of Object.entries(value)) {
    const { url, signingSecret } = (secret ?? {}) as Partial<ChannelSecret>;
    if (typeof url !== 'string') continue;
    secrets[id] = typeof signingSecret === 'string' ? { url, signingSecret } : { url };
  }
  return secrets;
}

function encrypt(text: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  const sealed = {
    v: 1,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
  return JSON.stringify(sealed);
}

function decrypt(text: string, key: Buffer): string {
  const sealed = JSON.parse(text) as { iv: string; tag: string; data: string };
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
}
