// Where channel URLs (and webhook signing secrets) are kept: never in the journal, the database, the documents, a log
// or an answer. The server face keeps them encrypted (AES-256-GCM) in channel-secrets.enc, with the key in its own
// file, each with a copy; all readable by this user only (0600). The desktop face passes a store backed by Electron's safeStorage.
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

/** Each file in two copies with the same content (like secrets.json): one damaged or lost is restored from the other. */
export const CHANNEL_SECRETS_FILES = ['channel-secrets.enc', 'channel-secrets.prev.enc'] as const;
export const CHANNEL_KEY_FILES = ['channel-secrets.key', 'channel-secrets.prev.key'] as const;
const KEY_BYTES = 32;

export function fileChannelSecretStore(dataDir: string): ChannelSecretStore {
  const at = (name: string) => path.join(dataDir, name);
  const readable = (names: readonly string[]) =>
    names.flatMap((name) => {
      try {
        return [fs.readFileSync(at(name))];
      } catch {
        return []; // missing or unreadable: the other copy may do
      }
    });
  const keys = () => readable(CHANNEL_KEY_FILES).filter((key) => key.length === KEY_BYTES);
  const write = (secrets: ChannelSecretMap, key: Buffer) => {
    for (const name of CHANNEL_KEY_FILES) replaceFileSync(at(name), key);
    const sealed = encrypt(JSON.stringify(secrets), key);
    for (const name of CHANNEL_SECRETS_FILES) replaceFileSync(at(name), sealed);
  };
  return {
    load() {
      const sealedCopies = readable(CHANNEL_SECRETS_FILES);
      if (sealedCopies.length === 0) return {};
      for (const [index, sealed] of sealedCopies.entries()) {
        for (const key of keys()) {
          try {
            const secrets = parseSecrets(decrypt(sealed.toString('utf8'), key));
            if (index > 0 || sealedCopies.length < 2 || keys().length < 2) write(secrets, key); // restore the other
            return secrets;
          } catch {
            // damaged, or sealed with the other key: try the next
          }
        }
      }
      throw new Error('the alert channels’ addresses could not be decrypted (their key files are missing or damaged)');
    },
    save(secrets) {
      write(secrets, keys()[0] ?? randomBytes(KEY_BYTES));
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
