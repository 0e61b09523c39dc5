// Who a process is beyond its pid: pids are reused (after a reboot, pid 1 or a service's pid comes back at once), so
// a lock naming a pid says nothing until the process now running under it is known to be the one that wrote it.
// The identity is the process's start time as the OS reports it, read the same way when the lock is written and when
// it is checked, so the two compare exactly; on Linux also the boot id (a board without a clock can boot to the same
// pid at the same "time"). Reading it costs a file read on Linux, a `ps` on macOS and the BSDs (~10 ms), and a
// PowerShell call on Windows (~0.5 s): paid once at start-up, and again only when a lock names a running process.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

export interface ProcessIdentity {
  pid: number;
  /** the start time in the platform's own words (Linux: clock ticks since boot); null when it could not be read */
  started: string | null;
  /** Linux's boot id; null elsewhere */
  boot: string | null;
}

interface StartTime {
  /** compared exactly with a recorded one */
  token: string;
  /** the same, in ms since the epoch (to compare with a file's time when no token was recorded) */
  ms: number;
}

/** A process started within this much after a lock file was written may still be the one that wrote it. */
const CLOCK_SLACK_MS = 2_000;
const LINUX_TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux the app runs on

let own: ProcessIdentity | null = null;

/** This process's identity (read once). */
export function ownIdentity(): ProcessIdentity {
  own ??= { pid: process.pid, started: startTime(process.pid)?.token ?? null, boot: bootId() };
  return own;
}

/**
 * Whether the process that recorded `identity` (in a file last written at `writtenAtMs`) still runs. When it cannot
 * be told (no start time readable), a running pid counts as alive: refusing to start is safe, two owners are not.
 */
export function isAlive(identity: ProcessIdentity, writtenAtMs: number, platform = process.platform): boolean {
  if (!isRunning(identity.pid)) return false;
  const boot = platform === 'linux' ? bootId() : null;
  if (identity.boot && boot && identity.boot !== boot) return false; // written before the last reboot
  const live = startTime(identity.pid, platform);
  if (!live) return true;
  // A lock of the previous version holds the pid alone: a process that started after the lock was written is not
  // the one that wrote it.
  if (identity.started === null) return live.ms <= writtenAtMs + CLOCK_SLACK_MS;
  return live.token === identity.started;
}

export function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The start time of a running process, or null when the OS does not tell (gone, or not allowed to ask). */
export function startTime(pid: number, platform = process.platform): StartTime | null {
  try {
    if (platform === 'linux') return linuxStartTime(pid);
    if (platform === 'win32') return windowsStartTime(pid);
    return psStartTime(pid);
  } catch {
    return null;
  }
}

/** /proc/<pid>/stat field 22: clock ticks after boot. The name (field 2) may hold spaces and ")": skip past it. */
function linuxStartTime(pid: number): StartTime | null {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const ticks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  if (!ticks || !/^\d+$/.test(ticks)) return null;
  const btime = /^btime (\d+)$/m.exec(fs.readFileSync('/proc/stat', 'utf8'))?.[1];
  const ms = Number(btime) * 1000 + (Number(ticks) * 1000) / LINUX_TICKS_PER_SECOND;
  return { token: ticks, ms };
}

/** macOS and the BSDs: `ps -o lstart=`, in UTC and the C locale so every caller reads the same words. */
function psStartTime(pid: number): StartTime | null {
  const text = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC', LC_ALL: 'C' },
    stdio: ['ignore', 'pipe', 'ignore'],
    timeout: 5_000,
  }).trim();
  const ms = Date.parse(`${text} UTC`);
  return text && !Number.isNaN(ms) ? { token: text, ms } : null;
}

function windowsStartTime(pid: number): StartTime | null {
  const script = `(Get-Process -Id ${pid}).StartTime.ToUniversalTime().ToString('o')`;
  const text = execFileSync('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', script], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    timeout: 15_000,
    windowsHide: true,
  }).trim();
  const ms = Date.parse(text);
  return text && !Number.isNaN(ms) ? { token: text, ms } : null;
}

function bootId(): string | null {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    return null;
  }
}
