// A stale lock whose pid now belongs to another process (ordinary after a reboot, and under systemd the receiver
// would stay down) must not block start: the lock records who its owner is beyond the pid. A Shelfwatch that really
// runs is still refused (second-instance.test.ts refuses a live child process; here a lock naming a live process
// whose identity matches is refused too).
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DataFolderLockedError, openEngine } from '../../main/engine/index.js';
import { acquireLock } from '../../main/engine/store/lock.js';
import { startTime } from '../../main/engine/store/process-identity.js';
import { killHard, startChild } from '../faults/child-harness.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const onLinux = process.platform === 'linux';
const temps: { remove(): void }[] = [];
const sleepers: ChildProcess[] = [];
afterEach(() => {
  for (const sleeper of sleepers.splice(0)) sleeper.kill('SIGKILL');
});
afterAll(() => {
  for (const temp of temps) temp.remove();
});

function folder(): string {
  const temp = makeTempDir('shelfwatch-lock-identity-');
  temps.push(temp);
  return temp.dir;
}

const lockFile = (dir: string) => path.join(dir, 'shelfwatch.lock');

/** A lock exactly as a Shelfwatch killed with -9 leaves it: a real child engine writes it, then dies. */
let deadOwnersLock: Record<string, unknown> | null = null;
async function lockOfAKilledShelfwatch(): Promise<Record<string, unknown>> {
  if (deadOwnersLock) return deadOwnersLock;
  const dir = folder();
  const child = await startChild(dir);
  await killHard(child);
  deadOwnersLock = JSON.parse(fs.readFileSync(lockFile(dir), 'utf8')) as Record<string, unknown>;
  expect(deadOwnersLock.pid).toBe(child.process.pid);
  return deadOwnersLock;
}

/** A process that is not Shelfwatch and keeps running: `sleep`. */
async function unrelatedProcess(): Promise<number> {
  const sleeper = spawn('sleep', ['600'], { stdio: 'ignore' });
  sleepers.push(sleeper);
  await new Promise((resolve) => sleeper.once('spawn', resolve));
  return sleeper.pid as number;
}

async function startsAndStops(dir: string): Promise<void> {
  const engine = await openEngine({ dataDir: dir, receiverPort: 0 });
  await engine.close();
  expect(fs.existsSync(lockFile(dir))).toBe(false);
}

describe('a stale lock whose pid was reused', () => {
  it('naming pid 1 (the stale lock of a killed Shelfwatch, its pid now init’s): start succeeds', async () => {
    const dir = folder();
    fs.writeFileSync(lockFile(dir), JSON.stringify({ ...(await lockOfAKilledShelfwatch()), pid: 1 }));
    await startsAndStops(dir);
  });

  it('naming a live unrelated process (`sleep`): start succeeds', async () => {
    const dir = folder();
    const pid = await unrelatedProcess();
    fs.writeFileSync(lockFile(dir), JSON.stringify({ ...(await lockOfAKilledShelfwatch()), pid }));
    await startsAndStops(dir);
  });

  it('of the previous version (a bare pid), written before that process started: start succeeds', async () => {
    const dir = folder();
    const pid = await unrelatedProcess();
    fs.writeFileSync(lockFile(dir), String(pid));
    const started = startTime(pid);
    expect(started).not.toBeNull();
    const before = new Date((started?.ms ?? 0) - 3_600_000);
    fs.utimesSync(lockFile(dir), before, before);
    await startsAndStops(dir);
  });

  it.runIf(onLinux)('written during an earlier boot (another boot id): start succeeds', async () => {
    const dir = folder();
    const pid = await unrelatedProcess();
    const started = startTime(pid)?.token;
    fs.writeFileSync(lockFile(dir), JSON.stringify({ pid, started, boot: '00000000-0000-0000-0000-000000000000' }));
    await startsAndStops(dir);
  });
});

describe('a lock whose owner really runs', () => {
  it('is refused when the process under its pid is the one that wrote it', async () => {
    const dir = folder();
    const pid = await unrelatedProcess();
    const boot = onLinux ? fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() : null;
    fs.writeFileSync(lockFile(dir), JSON.stringify({ pid, started: startTime(pid)?.token, boot }));
    expect(() => acquireLock(dir)).toThrow(DataFolderLockedError);
    expect(() => acquireLock(dir)).toThrow(`Another Shelfwatch (process ${pid})`);
  });

  it('of the previous version (a bare pid) written after its process started is refused (it may be it)', async () => {
    const dir = folder();
    const pid = await unrelatedProcess();
    fs.writeFileSync(lockFile(dir), String(pid));
    expect(() => acquireLock(dir)).toThrow(DataFolderLockedError);
  });
});

describe('the start time a lock records', () => {
  // macOS and the BSDs ask `ps`; Linux has it too, so the portable way is checked here as well.
  for (const platform of onLinux ? (['linux', 'darwin'] as const) : [process.platform]) {
    it(`reads the same for the same process and differs for another (${platform === 'darwin' ? 'ps' : platform})`, async () => {
      const pid = await unrelatedProcess();
      const first = startTime(pid, platform);
      expect(first).not.toBeNull();
      expect(startTime(pid, platform)).toEqual(first);
      expect(startTime(1, platform)?.token).not.toBe(first?.token);
      expect(Math.abs((first?.ms ?? 0) - Date.now())).toBeLessThan(60_000);
    });
  }
});
