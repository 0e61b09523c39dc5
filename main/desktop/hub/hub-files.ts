// What following a hub keeps in the user-data folder besides the choice: the device token (encrypted with
// safeStorage), the last event id (so a restart resumes where the stream was), and this device's own settings.
import fs from 'node:fs';
import path from 'node:path';
import { DIR_MODE, FILE_MODE } from '../../engine/index.js';
import type { LastEventIdStore } from '../../follower/index.js';
import { type SafeStorageLike, secretFile } from '../secret-file.js';

export const HUB_DIR = 'hub';

export function hubPaths(dataDir: string) {
  const dir = path.join(dataDir, HUB_DIR);
  return {
    token: path.join(dir, 'device-token.enc'),
    lastEventId: path.join(dir, 'last-event-id'),
    deviceSettings: path.join(dir, 'device-settings.json'),
  };
}

export function deviceTokenFile(dataDir: string, safeStorage: SafeStorageLike, platform: NodeJS.Platform) {
  return secretFile(hubPaths(dataDir).token, safeStorage, platform, "this computer's device token for the hub");
}

/** Written after every event handed on: small, and replaced whole so a crash leaves the old id or the new one. */
export function lastEventIdFile(file: string): LastEventIdStore {
  return {
    load() {
      try {
        const text = fs.readFileSync(file, 'utf8').trim();
        return /^\d{1,15}$/.test(text) ? text : null;
      } catch {
        return null;
      }
    },
    save(id) {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: DIR_MODE });
      fs.writeFileSync(`${file}.tmp`, id, { mode: FILE_MODE });
      fs.renameSync(`${file}.tmp`, file);
    },
    clear() {
      fs.rmSync(file, { force: true });
    },
  };
}
