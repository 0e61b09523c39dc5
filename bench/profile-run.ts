// Runs C under --cpu-prof while it takes a burst, stops it gracefully (the profile is written at exit) and
// summarizes where the time went.
import fs from 'node:fs';
import path from 'node:path';
import { startChildServer } from './child-server.js';
import { type ProfileSummary, summarizeProfile } from './measure/cpu-profile.js';
import { runLoad } from './measure/load.js';

export async function profileBurst(
  dataDir: string,
  profileDir: string,
  label: string,
  postbacks: number,
  connections: number,
): Promise<{ summary: ProfileSummary; file: string }> {
  fs.mkdirSync(profileDir, { recursive: true });
  const name = `shelfwatch-${label}.cpuprofile`;
  const server = await startChildServer('shelfwatch', {
    args: [dataDir],
    nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}`],
  });
  try {
    await runLoad({ port: server.receiverPort, prefix: `profile-${label}`, connections, amount: postbacks });
  } finally {
    await server.stop();
  }
  const file = path.join(profileDir, name);
  return { summary: summarizeProfile(file), file };
}
