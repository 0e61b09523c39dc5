// Secrets kept beside the store: the receiver's path secret and the UI API token. Not in the journal or the store,
// so a shared store file or a journal copy never carries them.
import fs from 'node:fs';
import path from 'node:path';
import { newSecret } from './receiver/secret.js';

export interface Secrets {
  secret: string;
  uiToken: string;
}

export function loadSecrets(dataDir: string): Secrets {
  const file = path.join(dataDir, 'secrets.json');
  let stored: Partial<Secrets> = {};
  try {
    stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Secrets>;
  } catch {
    // missing or unreadable: generate new ones below
  }
  const secrets = {
    secret: typeof stored.secret === 'string' && stored.secret ? stored.secret : newSecret(),
    uiToken: typeof stored.uiToken === 'string' && stored.uiToken ? stored.uiToken : newSecret(),
  };
  if (secrets.secret !== stored.secret || secrets.uiToken !== stored.uiToken) saveSecrets(dataDir, secrets);
  return secrets;
}

export function saveSecrets(dataDir: string, secrets: Secrets): void {
  const file = path.join(dataDir, 'secrets.json');
  const temp = `${file}.tmp`;
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeFileSync(fd, JSON.stringify(secrets, null, 2));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}
