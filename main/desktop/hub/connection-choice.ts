// Which Shelfwatch this desktop shows: its own engine and receiver ("local", the default) or a hub it follows.
// Kept in the user-data folder; the device token is not in here (see hub-files.ts: safeStorage).
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DIR_MODE, FILE_MODE } from '../../engine/index.js';

export const CHOICE_FILE = 'desktop-connection.json';

const choiceSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('local') }),
  z.object({
    mode: z.literal('hub'),
    hubUrl: z.url(),
    /** from the pairing link; null: the hub's certificate is checked against the usual authorities */
    fingerprint: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable(),
    deviceId: z.string().min(1),
    deviceName: z.string(),
  }),
]);

export type ConnectionChoice = z.infer<typeof choiceSchema>;
export type HubChoice = Extract<ConnectionChoice, { mode: 'hub' }>;

/** A missing or unreadable choice is "this computer": the app always starts. */
export function loadChoice(dataDir: string): ConnectionChoice {
  try {
    const parsed = choiceSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dataDir, CHOICE_FILE), 'utf8')));
    return parsed.success ? parsed.data : { mode: 'local' };
  } catch {
    return { mode: 'local' };
  }
}

export function saveChoice(dataDir: string, choice: ConnectionChoice): void {
  const file = path.join(dataDir, CHOICE_FILE);
  fs.mkdirSync(dataDir, { recursive: true, mode: DIR_MODE });
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(choiceSchema.parse(choice), null, 2)}\n`, { mode: FILE_MODE });
  fs.renameSync(`${file}.tmp`, file);
}
