// The secrets on disk, in two copies: secrets.json and secrets.prev.json (both 0600). Each is replaced atomically
// (temp file, fsync, rename, directory fsync), the main file first, then its copy; so a damaged or missing file is
// restored from the other. The copy holds the same secrets, not an older generation: falling back to it must never
// bring back a postback URL that was replaced since (impact.com would be posting to the new one).
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { replaceFileSync } from '../file-system.js';

export const SECRETS_FILE = 'secrets.json';
export const SECRETS_COPY = 'secrets.prev.json';

const storedSecretsSchema = z.object({
  secret: z.string().min(1),
  uiToken: z.string().min(1),
  /**
   * The receiver's header secret ('' for none) and the journal position it reflects: a header value an older
   * version journaled in clear is taken over only when it is newer than this (header-value.ts). Absent in the files
   * of older versions.
   */
  header: z.object({ value: z.string(), seq: z.number() }).optional(),
  /** When both files were lost and a new postback secret was made; cleared once the user acknowledged it. */
  urlChangedAt: z.string().optional(),
});

export type StoredSecrets = z.infer<typeof storedSecretsSchema>;

export interface ReadSecrets {
  secrets: StoredSecrets | null;
  /** which file they came from */
  from: 'file' | 'copy' | null;
  /** files that could not be read, moved aside (file names) */
  movedAside: string[];
  /** the other file is missing or differs, and is to be written again */
  needsRewrite: boolean;
}

export function readSecrets(dataDir: string, clock: () => number): ReadSecrets {
  const movedAside: string[] = [];
  const read = (name: string): StoredSecrets | null => {
    const file = path.join(dataDir, name);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      // Not a damaged file but one this user may not read: replacing it would lose a secret that may be fine.
      throw new Error(`Cannot read ${name} in the data folder (${code}). Fix its permissions, then start again.`);
    }
    const parsed = parseSecrets(text);
    if (parsed) return parsed;
    const aside = `${name}.corrupt-${clock()}`;
    fs.renameSync(file, path.join(dataDir, aside)); // keeps its 0600
    movedAside.push(aside);
    return null;
  };
  const main = read(SECRETS_FILE);
  const copy = read(SECRETS_COPY);
  const secrets = main ?? copy;
  const same = main !== null && copy !== null && JSON.stringify(main) === JSON.stringify(copy);
  return { secrets, from: main ? 'file' : copy ? 'copy' : null, movedAside, needsRewrite: secrets !== null && !same };
}

/** Writes both files; each write is atomic, and the main file is on disk before its copy is replaced. */
export function writeSecrets(dataDir: string, secrets: StoredSecrets): void {
  const text = `${JSON.stringify(storedSecretsSchema.parse(secrets), null, 2)}\n`;
  replaceFileSync(path.join(dataDir, SECRETS_FILE), text);
  replaceFileSync(path.join(dataDir, SECRETS_COPY), text);
}

function parseSecrets(text: string): StoredSecrets | null {
  try {
    const parsed = storedSecretsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
