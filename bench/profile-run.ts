// Runs C under --cpu-prof, stops it gracefully (profiles are written at exit) and summarizes where the time went.
// tsx runs its loader in a worker thread that writes its own profile: only the main thread's (tid 0) is read.
import fs from 'node:fs';
import path from 'node:path';
import { startChildServer } from './child-server.js';
import { type ProfileSummary, summarizeProfile } from './measure/cpu-profile.js';
import { runLoad } from './measure/load.js';

export interface ProfiledRun {
  summary: ProfileSummary;
  file: string;
}

/** C takes a burst of postbacks while profiled. */
export async function profileBurst(
  dataDir: string,
  profileDir: string,
  label: string,
  postbacks: number,
  connections: number,
) {
  return profiled(dataDir, profileDir, label, async (port) => {
    await runLoad({ port, prefix: `profile-${label}`, connections, amount: postbacks });
  });
}

/** C only starts (reads the store, replays the journal tail) and stops. */
export async function profileStartup(dataDir: string, profileDir: string) {
  return profiled(dataDir, profileDir, 'startup', async () => undefined);
}

async function profiled(
  dataDir: string,
  profileDir: string,
  label: string,
  work: (receiverPort: number) => Promise<void>,
): Promise<ProfiledRun> {
  const dir = path.join(profileDir, label);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const server = await startChildServer('shelfwatch', {
    args: [dataDir],
    nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
  });
  try {
    await work(server.receiverPort);
  } finally {
    await server.stop();
  }
  // Default names are CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile; the main thread is thread 0.
  const main = fs.readdirSync(dir).find((name) => /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(name));
  if (!main) throw new Error(`no main-thread profile in ${dir}`);
  const file = path.join(dir, `shelfwatch-${label}.cpuprofile`);
  fs.renameSync(path.join(dir, main), file);
  return { summary: summarizeProfile(file), file };
}
